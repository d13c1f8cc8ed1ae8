package fr.catalyse.partnership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_ClosePartnership: the evaluation decided to stop; the partnership is closed. */
@Component
class ClosePartnership implements JavaDelegate {

    private final PartnershipLedger ledger;

    ClosePartnership(PartnershipLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.of(execution).enter(PartnershipStage.CLOSED, PartnershipLedger.now());
    }

}
