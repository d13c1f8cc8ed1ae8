package fr.catalyse.partnership;

import fr.catalyse.platform.EngineClock;
import fr.catalyse.territory.Organisation;
import fr.catalyse.territory.OrganisationRepository;
import java.time.Instant;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * What every recorder of the partnership process needs: the partnership of a process
 * instance, its organisations, the engine's clock (so that tests moving it see consistent
 * dates) and the journal.
 */
@Component
class PartnershipLedger {

    static final String PARTNERSHIP_ID = "partnershipId";

    private final PartnershipRepository partnerships;

    private final OrganisationRepository organisations;

    private final PartnerRepository partners;

    private final JournalRepository journal;

    PartnershipLedger(PartnershipRepository partnerships, OrganisationRepository organisations,
            PartnerRepository partners, JournalRepository journal) {
        this.partnerships = partnerships;
        this.organisations = organisations;
        this.partners = partners;
        this.journal = journal;
    }

    Partnership of(VariableScope scope) {
        Object id = scope.getVariable(PARTNERSHIP_ID);
        return partnerships.findById(((Number) id).longValue())
            .orElseThrow(() -> new IllegalStateException("Partenariat introuvable : " + id));
    }

    Organisation organisation(String code) {
        return organisations.findByCode(code)
            .orElseThrow(() -> new IllegalStateException("Organisation inconnue : " + code));
    }

    Partner partner(Partnership partnership, String organisationCode) {
        return partners.findByPartnershipAndOrganisationCode(partnership, organisationCode)
            .orElseGet(() -> partners.save(new Partner(partnership, organisation(organisationCode))));
    }

    void journal(Partnership partnership, JournalKind kind, String organisationCode, LocalDate occurredOn,
            String content, String outcome) {
        journal
            .save(new JournalEntry(partnership, kind, organisationCode == null ? null : organisation(organisationCode),
                    occurredOn == null ? today() : occurredOn, content, outcome, now()));
    }

    static Instant now() {
        return EngineClock.now();
    }

    static String format(Instant instant) {
        return fr.catalyse.notification.FrenchDates.day(java.util.Date.from(instant));
    }

    static LocalDate today() {
        return EngineClock.today();
    }

}
