package fr.catalyse.pathway;

import fr.catalyse.territory.Territory;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * A territory's part in a cohort: its application, its binôme of catalysts and the
 * selection decision.
 */
@Entity
class Participation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Cohort cohort;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Territory territory;

    @Enumerated(EnumType.STRING)
    private ParticipationStatus status;

    private String catalystOne;

    private String catalystTwo;

    private String motivation;

    private Instant appliedAt;

    private Instant decidedAt;

    protected Participation() {
    }

    Participation(Cohort cohort, Territory territory) {
        this.cohort = cohort;
        this.territory = territory;
        this.status = ParticipationStatus.INVITED;
    }

    void apply(String catalystOne, String catalystTwo, String motivation, Instant now) {
        this.status = ParticipationStatus.APPLIED;
        this.catalystOne = catalystOne;
        this.catalystTwo = catalystTwo;
        this.motivation = motivation;
        this.appliedAt = now;
    }

    void decline(Instant now) {
        this.status = ParticipationStatus.NO_APPLICATION;
        this.appliedAt = now;
    }

    void decide(boolean selected, Instant now) {
        this.status = selected ? ParticipationStatus.SELECTED : ParticipationStatus.NOT_SELECTED;
        this.decidedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public Territory getTerritory() {
        return territory;
    }

    public ParticipationStatus getStatus() {
        return status;
    }

    public String getCatalystOne() {
        return catalystOne;
    }

    public String getCatalystTwo() {
        return catalystTwo;
    }

    /** The binôme's catalysts, each once (one catalyst may hold both places). */
    public List<String> binome() {
        return Stream.of(catalystOne, catalystTwo).distinct().toList();
    }

    public String getMotivation() {
        return motivation;
    }

    public Instant getAppliedAt() {
        return appliedAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

}
