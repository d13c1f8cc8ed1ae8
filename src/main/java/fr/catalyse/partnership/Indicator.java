package fr.catalyse.partnership;

import fr.catalyse.territory.Organisation;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;

/**
 * What the experiment measures, its target, and the partner who enters it every month.
 */
@Entity
class Indicator {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Experiment experiment;

    private String name;

    private String unit;

    private BigDecimal target;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Organisation collectorOrganisation;

    protected Indicator() {
    }

    Indicator(Experiment experiment, String name, String unit, BigDecimal target, Organisation collector) {
        this.experiment = experiment;
        this.name = name;
        this.unit = unit;
        this.target = target;
        this.collectorOrganisation = collector;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getUnit() {
        return unit;
    }

    public BigDecimal getTarget() {
        return target;
    }

    public Organisation getCollectorOrganisation() {
        return collectorOrganisation;
    }

}
