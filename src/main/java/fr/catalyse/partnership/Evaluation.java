package fr.catalyse.partnership;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;

/** The synthesis of one evaluation round and the decision it led to. */
@Entity
class Evaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Partnership partnership;

    private int round;

    private BigDecimal productAverage;

    private BigDecimal balanceAverage;

    private BigDecimal recognitionAverage;

    private String synthesis;

    private String approaches;

    private String decision;

    private String spreadTerritory;

    private Instant decidedAt;

    protected Evaluation() {
    }

    Evaluation(Partnership partnership, int round, Averages averages, String synthesis, String approaches,
            String decision, String spreadTerritory, Instant now) {
        this.partnership = partnership;
        this.round = round;
        this.productAverage = averages.product();
        this.balanceAverage = averages.balance();
        this.recognitionAverage = averages.recognition();
        this.synthesis = synthesis;
        this.approaches = approaches;
        this.decision = decision;
        this.spreadTerritory = spreadTerritory;
        this.decidedAt = now;
    }

    /** Mean ratings of the partners, null when nobody rated. */
    record Averages(BigDecimal product, BigDecimal balance, BigDecimal recognition) {
    }

    public int getRound() {
        return round;
    }

    public BigDecimal getProductAverage() {
        return productAverage;
    }

    public BigDecimal getBalanceAverage() {
        return balanceAverage;
    }

    public BigDecimal getRecognitionAverage() {
        return recognitionAverage;
    }

    public String getDecision() {
        return decision;
    }

    public String getSpreadTerritory() {
        return spreadTerritory;
    }

    public String getApproaches() {
        return approaches;
    }

}
