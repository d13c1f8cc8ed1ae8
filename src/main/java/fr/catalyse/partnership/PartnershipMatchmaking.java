package fr.catalyse.partnership;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * Records the matchmaking: needs stated, invitations made, answers given (listeners of
 * SubProcess_Matchmaking).
 */
@Component
public class PartnershipMatchmaking {

    static final String ROUND = "matchRound";

    private final PartnershipLedger ledger;

    private final PartnerRepository partners;

    private final MatchRepository matches;

    PartnershipMatchmaking(PartnershipLedger ledger, PartnerRepository partners, MatchRepository matches) {
        this.ledger = ledger;
        this.partners = partners;
        this.matches = matches;
    }

    /** Task_StateNeeds, once per candidate organisation. */
    public void needsStated(DelegateTask task) {
        ledger.partner(ledger.of(task), Read.text(task, "organisation"))
            .stateNeeds(Read.text(task, "needs"), Read.text(task, "contribution"));
    }

    /**
     * Task_ProposeMatches, on creation: what the candidates said, and whom the catalyst
     * may invite.
     */
    public void proposalPrepared(DelegateTask task) {
        List<Map<String, String>> stated = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        for (Partner candidate : partners.findByPartnershipOrderById(ledger.of(task))) {
            if (candidate.getStatus() == PartnerStatus.PARTNER || candidate.getStatus() == PartnerStatus.WITHDRAWN) {
                continue;
            }
            String name = candidate.getOrganisation().getName();
            stated.add(Map.of("organisation", name, "needs", orEmpty(candidate.getNeeds()), "contribution",
                    orEmpty(candidate.getContribution())));
            options.put(candidate.getOrganisation().getCode(), name);
        }
        task.setVariable("statedNeeds", FormValues.json(stated));
        task.setVariable("candidateOptions", FormValues.options(options));
    }

    /** Task_ProposeMatches: a new round of invitations. */
    public void matchesProposed(DelegateTask task) {
        Partnership partnership = ledger.of(task);
        int round = Read.integer(task, ROUND) + 1;
        task.setVariable(ROUND, round);
        for (String code : Read.list(task, "invitedOrganisations")) {
            matches.save(new MatchProposal(partnership, ledger.organisation(code), round,
                    Read.text(task, "matchRationale"), PartnershipLedger.now()));
            ledger.partner(partnership, code).become(PartnerStatus.INVITED);
        }
    }

    /** Task_AnswerMatch, once per invited organisation. */
    public void matchAnswered(DelegateTask task) {
        MatchStatus outcome = "accepter".equals(Read.text(task, "matchAnswer")) ? MatchStatus.ACCEPTED
                : MatchStatus.DECLINED;
        proposal(task.getVariable("organisation").toString(), ledger.of(task), Read.integer(task, ROUND))
            .answer(outcome, Read.text(task, "matchComment"), PartnershipLedger.now());
    }

    MatchProposal proposal(String organisationCode, Partnership partnership, int round) {
        return matches.findByPartnershipAndRoundAndOrganisationCode(partnership, round, organisationCode)
            .orElseThrow(
                    () -> new IllegalStateException("Aucune invitation de " + organisationCode + " au tour " + round));
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

}
