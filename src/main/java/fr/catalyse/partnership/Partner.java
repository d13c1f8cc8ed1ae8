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

/**
 * An organisation involved in a partnership: its needs, what it brings, and where it
 * stands.
 */
@Entity
class Partner {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Partnership partnership;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Organisation organisation;

    @Enumerated(EnumType.STRING)
    private PartnerStatus status;

    private String needs;

    private String contribution;

    protected Partner() {
    }

    Partner(Partnership partnership, Organisation organisation) {
        this.partnership = partnership;
        this.organisation = organisation;
        this.status = PartnerStatus.CANDIDATE;
    }

    void stateNeeds(String needs, String contribution) {
        this.needs = needs;
        this.contribution = contribution;
    }

    void become(PartnerStatus status) {
        this.status = status;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public PartnerStatus getStatus() {
        return status;
    }

    public String getNeeds() {
        return needs;
    }

    public String getContribution() {
        return contribution;
    }

}
