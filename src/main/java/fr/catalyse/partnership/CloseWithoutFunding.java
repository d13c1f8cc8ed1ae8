package fr.catalyse.partnership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CloseWithoutFunding: the funder refused; the partnership stops. */
@Component
class CloseWithoutFunding implements JavaDelegate {

    private final PartnershipLedger ledger;

    CloseWithoutFunding(PartnershipLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ledger.of(execution).enter(PartnershipStage.STOPPED, PartnershipLedger.now());
    }

}
