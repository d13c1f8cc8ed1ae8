package fr.catalyse.partnership;

import fr.catalyse.territory.Organisation;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.math.BigDecimal;
import java.time.Instant;

/** One monthly value of an indicator, entered by its partner. */
@Entity
class Measurement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Indicator indicator;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Organisation organisation;

    private BigDecimal measuredValue;

    private String comment;

    private Instant enteredAt;

    protected Measurement() {
    }

    Measurement(Indicator indicator, Organisation organisation, BigDecimal value, String comment, Instant now) {
        this.indicator = indicator;
        this.organisation = organisation;
        this.measuredValue = value;
        this.comment = comment;
        this.enteredAt = now;
    }

    public Indicator getIndicator() {
        return indicator;
    }

    public BigDecimal getMeasuredValue() {
        return measuredValue;
    }

    public Instant getEnteredAt() {
        return enteredAt;
    }

}
