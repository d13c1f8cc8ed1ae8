package fr.catalyse.pathway;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * A territory's deliverable for one session, with its due date and what was submitted.
 */
@Entity
class Deliverable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Participation participation;

    private String sessionCode;

    private String kind;

    private Instant dueAt;

    private Instant submittedAt;

    @Enumerated(EnumType.STRING)
    private DeliverableStatus status;

    private String summary;

    private String link;

    private String contributions;

    protected Deliverable() {
    }

    Deliverable(Participation participation, String sessionCode, String kind, Instant dueAt) {
        this.participation = participation;
        this.sessionCode = sessionCode;
        this.kind = kind;
        this.dueAt = dueAt;
        this.status = DeliverableStatus.EXPECTED;
    }

    void submit(String summary, String link, String contributions, Instant now) {
        this.summary = summary;
        this.link = link;
        this.contributions = contributions;
        this.submittedAt = now;
        this.status = now.isAfter(dueAt) ? DeliverableStatus.SUBMITTED_LATE : DeliverableStatus.SUBMITTED;
    }

    public Long getId() {
        return id;
    }

    public Participation getParticipation() {
        return participation;
    }

    public String getSessionCode() {
        return sessionCode;
    }

    public String getKind() {
        return kind;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public DeliverableStatus getStatus() {
        return status;
    }

    public String getSummary() {
        return summary;
    }

    public String getLink() {
        return link;
    }

    public String getContributions() {
        return contributions;
    }

}
