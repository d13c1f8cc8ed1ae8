package fr.catalyse.governance;

import jakarta.persistence.Column;
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

/**
 * A review of a governance dialogue: quarterly, yearly, or the final review of a period.
 */
@Entity
@Table(name = "governance_review")
class GovernanceReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private GovernanceDialogue dialogue;

    @Enumerated(EnumType.STRING)
    private ReviewKind kind;

    @Column(name = "review_month")
    private int month;

    private String notes;

    private String outcome;

    private Instant recordedAt;

    protected GovernanceReview() {
    }

    GovernanceReview(GovernanceDialogue dialogue, ReviewKind kind, int month, String notes, String outcome,
            Instant recordedAt) {
        this.dialogue = dialogue;
        this.kind = kind;
        this.month = month;
        this.notes = notes;
        this.outcome = outcome;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public GovernanceDialogue getDialogue() {
        return dialogue;
    }

    public ReviewKind getKind() {
        return kind;
    }

    public int getMonth() {
        return month;
    }

    public String getNotes() {
        return notes;
    }

    public String getOutcome() {
        return outcome;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

}
