package fr.catalyse.pathway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** One month's follow-up of a territory with its binôme. */
@Entity
@Table(name = "support_followup")
class SupportFollowUp {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Participation participation;

    @Column(name = "support_month")
    private int month;

    private String progress;

    private String difficulties;

    private Instant recordedAt;

    protected SupportFollowUp() {
    }

    SupportFollowUp(Participation participation, int month, String progress, String difficulties, Instant recordedAt) {
        this.participation = participation;
        this.month = month;
        this.progress = progress;
        this.difficulties = difficulties;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public Participation getParticipation() {
        return participation;
    }

    public int getMonth() {
        return month;
    }

    public String getProgress() {
        return progress;
    }

    public String getDifficulties() {
        return difficulties;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

}
