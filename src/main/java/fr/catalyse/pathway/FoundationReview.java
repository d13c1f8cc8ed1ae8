package fr.catalyse.pathway;

import fr.catalyse.territory.Territory;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A binôme's opinion on a version of the socle commun. */
@Entity
@Table(name = "foundation_review")
class FoundationReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private FoundationVersion foundationVersion;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Territory territory;

    private String opinion;

    private String comment;

    private Instant reviewedAt;

    protected FoundationReview() {
    }

    FoundationReview(FoundationVersion foundationVersion, Territory territory, String opinion, String comment,
            Instant reviewedAt) {
        this.foundationVersion = foundationVersion;
        this.territory = territory;
        this.opinion = opinion;
        this.comment = comment;
        this.reviewedAt = reviewedAt;
    }

    public Long getId() {
        return id;
    }

    public FoundationVersion getFoundationVersion() {
        return foundationVersion;
    }

    public Territory getTerritory() {
        return territory;
    }

    public String getOpinion() {
        return opinion;
    }

    public String getComment() {
        return comment;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }

}
