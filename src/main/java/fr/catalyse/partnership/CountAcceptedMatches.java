package fr.catalyse.partnership;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CountAcceptedMatches: the organisations that accepted this round become partners;
 * the variables the following stages iterate over (partners, their choices in forms) are
 * set.
 */
@Component
class CountAcceptedMatches implements JavaDelegate {

    private final PartnershipLedger ledger;

    private final MatchRepository matches;

    private final PartnerRepository partners;

    CountAcceptedMatches(PartnershipLedger ledger, MatchRepository matches, PartnerRepository partners) {
        this.ledger = ledger;
        this.matches = matches;
        this.partners = partners;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Partnership partnership = ledger.of(execution);
        int accepted = 0;
        for (MatchProposal proposal : matches.findByPartnershipAndRound(partnership,
                Read.integer(execution, PartnershipMatchmaking.ROUND))) {
            boolean joins = proposal.getStatus() == MatchStatus.ACCEPTED;
            accepted += joins ? 1 : 0;
            ledger.partner(partnership, proposal.getOrganisation().getCode())
                .become(joins ? PartnerStatus.PARTNER : PartnerStatus.DECLINED);
        }
        execution.setVariable("acceptedCount", accepted);
        publishPartners(execution, partnership, partners);
    }

    /**
     * The partners as the models and forms use them: codes to iterate over, choices to
     * pick from.
     */
    static void publishPartners(DelegateExecution execution, Partnership partnership, PartnerRepository partners) {
        Map<String, String> options = new LinkedHashMap<>();
        for (Partner partner : partners.findByPartnershipOrderById(partnership)) {
            if (partner.getStatus() == PartnerStatus.PARTNER) {
                options.put(partner.getOrganisation().getCode(), partner.getOrganisation().getName());
            }
        }
        execution.setVariable("partners", FormValues.json(List.copyOf(options.keySet())));
        execution.setVariable("partnerOptions", FormValues.options(options));
    }

}
