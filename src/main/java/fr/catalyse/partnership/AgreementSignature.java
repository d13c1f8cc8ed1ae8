package fr.catalyse.partnership;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;

/** The partnership agreement (convention) signed on behalf of one signatory group. */
@Entity
class AgreementSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Experiment experiment;

    private String signatoryGroup;

    private String signerUserId;

    private String signerName;

    private Instant signedAt;

    protected AgreementSignature() {
    }

    AgreementSignature(Experiment experiment, String signatoryGroup, String signerUserId, String signerName,
            Instant now) {
        this.experiment = experiment;
        this.signatoryGroup = signatoryGroup;
        this.signerUserId = signerUserId;
        this.signerName = signerName;
        this.signedAt = now;
    }

    public String getSignatoryGroup() {
        return signatoryGroup;
    }

    public String getSignerUserId() {
        return signerUserId;
    }

    public String getSignerName() {
        return signerName;
    }

}
