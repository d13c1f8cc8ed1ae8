package fr.catalyse.partnership;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A version of the collective experiment, framed on the four dimensions of
 * co-construction: solutions, value chain, economic model and governance (dispositif).
 * Reworking it makes a new version.
 */
@Entity
class Experiment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Partnership partnership;

    private int version;

    private String solutions;

    private String valueChain;

    private String economicModel;

    private String governance;

    private BigDecimal budget;

    private int durationMonths;

    private LocalDate startDate;

    private String fundingDecision;

    private BigDecimal fundingAmount;

    private String fundingComment;

    private Instant framedAt;

    @OneToMany(mappedBy = "experiment", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("id")
    private List<Indicator> indicators = new ArrayList<>();

    protected Experiment() {
    }

    Experiment(Partnership partnership, int version, Dimensions dimensions, BigDecimal budget, int durationMonths,
            LocalDate startDate, Instant now) {
        this.partnership = partnership;
        this.version = version;
        this.solutions = dimensions.solutions();
        this.valueChain = dimensions.valueChain();
        this.economicModel = dimensions.economicModel();
        this.governance = dimensions.governance();
        this.budget = budget;
        this.durationMonths = durationMonths;
        this.startDate = startDate;
        this.framedAt = now;
    }

    /** The four dimensions of co-construction. */
    record Dimensions(String solutions, String valueChain, String economicModel, String governance) {
    }

    void decideFunding(String decision, BigDecimal amount, String comment) {
        this.fundingDecision = decision;
        this.fundingAmount = amount;
        this.fundingComment = comment;
    }

    void replaceIndicators(List<Indicator> replacement) {
        indicators.clear();
        indicators.addAll(replacement);
    }

    public Long getId() {
        return id;
    }

    public int getVersion() {
        return version;
    }

    public String getSolutions() {
        return solutions;
    }

    public String getValueChain() {
        return valueChain;
    }

    public String getEconomicModel() {
        return economicModel;
    }

    public String getGovernance() {
        return governance;
    }

    public BigDecimal getBudget() {
        return budget;
    }

    public int getDurationMonths() {
        return durationMonths;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public String getFundingDecision() {
        return fundingDecision;
    }

    public BigDecimal getFundingAmount() {
        return fundingAmount;
    }

    public List<Indicator> getIndicators() {
        return indicators;
    }

}
