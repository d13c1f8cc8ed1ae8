package fr.catalyse.partnership;

import fr.catalyse.forms.Read;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordMatchExpired: the invited organisation did not answer before the deadline.
 */
@Component
class RecordMatchExpired implements JavaDelegate {

    private final PartnershipLedger ledger;

    private final PartnershipMatchmaking matchmaking;

    RecordMatchExpired(PartnershipLedger ledger, PartnershipMatchmaking matchmaking) {
        this.ledger = ledger;
        this.matchmaking = matchmaking;
    }

    @Override
    public void execute(DelegateExecution execution) {
        matchmaking
            .proposal(Read.text(execution, "organisation"), ledger.of(execution),
                    Read.integer(execution, PartnershipMatchmaking.ROUND))
            .answer(MatchStatus.EXPIRED, null, PartnershipLedger.now());
    }

}
