package fr.catalyse.governance;

import fr.catalyse.pathway.Cohort;
import fr.catalyse.territory.Territory;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A governance dialogue with a territory, followed for at least 36 months. */
@Entity
@Table(name = "governance_dialogue")
class GovernanceDialogue {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Territory territory;

    @ManyToOne(fetch = FetchType.LAZY)
    private Cohort cohort;

    private String subject;

    @Enumerated(EnumType.STRING)
    private DialogueStatus status;

    private int periods;

    private String processInstanceId;

    private Instant startedAt;

    private Instant closedAt;

    protected GovernanceDialogue() {
    }

    GovernanceDialogue(Territory territory, Cohort cohort, String subject, String processInstanceId,
            Instant startedAt) {
        this.territory = territory;
        this.cohort = cohort;
        this.subject = subject;
        this.processInstanceId = processInstanceId;
        this.startedAt = startedAt;
        this.status = DialogueStatus.ACTIVE;
        this.periods = 1;
    }

    void extend() {
        periods++;
    }

    void close(Instant now) {
        status = DialogueStatus.CLOSED;
        closedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Territory getTerritory() {
        return territory;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public String getSubject() {
        return subject;
    }

    public DialogueStatus getStatus() {
        return status;
    }

    public int getPeriods() {
        return periods;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

}
