package fr.catalyse.partnership;

import fr.catalyse.territory.Organisation;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/**
 * One partner's view of the partnership on the three objects of a partnership evaluation:
 * its product (results), its balance (the relationship) and the recognition of each
 * contribution.
 */
@Entity
class PartnerAssessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Partnership partnership;

    private int round;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Organisation organisation;

    private int productRating;

    private int balanceRating;

    private int recognitionRating;

    private String impactAxes;

    private String comment;

    private Instant assessedAt;

    protected PartnerAssessment() {
    }

    PartnerAssessment(Partnership partnership, int round, Organisation organisation, Ratings ratings, String impactAxes,
            String comment, Instant now) {
        this.partnership = partnership;
        this.round = round;
        this.organisation = organisation;
        this.productRating = ratings.product();
        this.balanceRating = ratings.balance();
        this.recognitionRating = ratings.recognition();
        this.impactAxes = impactAxes;
        this.comment = comment;
        this.assessedAt = now;
    }

    /** Ratings from 1 to 5 of the three objects. */
    record Ratings(int product, int balance, int recognition) {
    }

    public int getProductRating() {
        return productRating;
    }

    public int getBalanceRating() {
        return balanceRating;
    }

    public int getRecognitionRating() {
        return recognitionRating;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

}
