package fr.catalyse.pathway;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/**
 * A version of the socle commun: consolidated, reviewed by the binômes, validated by the
 * steering committee, published.
 */
@Entity
@Table(name = "foundation_version")
class FoundationVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Cohort cohort;

    private int version;

    @Enumerated(EnumType.STRING)
    private FoundationStatus status;

    private String committeeComment;

    private Instant consolidatedAt;

    private Instant validatedAt;

    private Instant publishedAt;

    @OneToMany(mappedBy = "foundationVersion", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<FoundationItem> items;

    protected FoundationVersion() {
    }

    FoundationVersion(Cohort cohort, int version, Instant consolidatedAt) {
        this.cohort = cohort;
        this.version = version;
        this.consolidatedAt = consolidatedAt;
        this.status = FoundationStatus.IN_REVIEW;
    }

    void add(FoundationItem item) {
        if (items == null) {
            items = new java.util.ArrayList<>();
        }
        items.add(item);
    }

    void review() {
        status = FoundationStatus.IN_REVIEW;
    }

    void decide(boolean validated, String comment, Instant now) {
        status = validated ? FoundationStatus.VALIDATED : FoundationStatus.SENT_BACK;
        committeeComment = comment;
        validatedAt = validated ? now : null;
    }

    void publish(Instant now) {
        status = FoundationStatus.PUBLISHED;
        publishedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Cohort getCohort() {
        return cohort;
    }

    public int getVersion() {
        return version;
    }

    public FoundationStatus getStatus() {
        return status;
    }

    public String getCommitteeComment() {
        return committeeComment;
    }

    public Instant getConsolidatedAt() {
        return consolidatedAt;
    }

    public Instant getValidatedAt() {
        return validatedAt;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public List<FoundationItem> getItems() {
        return items;
    }

}
