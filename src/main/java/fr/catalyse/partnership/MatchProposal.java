package fr.catalyse.partnership;

import fr.catalyse.territory.Organisation;
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

/** An invitation made to an organisation in one round of matchmaking, and its answer. */
@Entity
@Table(name = "partnership_match")
class MatchProposal {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Partnership partnership;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Organisation organisation;

    private int round;

    @Enumerated(EnumType.STRING)
    private MatchStatus status;

    private String rationale;

    private String comment;

    private Instant proposedAt;

    private Instant answeredAt;

    protected MatchProposal() {
    }

    MatchProposal(Partnership partnership, Organisation organisation, int round, String rationale, Instant now) {
        this.partnership = partnership;
        this.organisation = organisation;
        this.round = round;
        this.rationale = rationale;
        this.status = MatchStatus.PROPOSED;
        this.proposedAt = now;
    }

    void answer(MatchStatus outcome, String comment, Instant now) {
        this.status = outcome;
        this.comment = comment;
        this.answeredAt = now;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public int getRound() {
        return round;
    }

    public MatchStatus getStatus() {
        return status;
    }

    public String getComment() {
        return comment;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

}
