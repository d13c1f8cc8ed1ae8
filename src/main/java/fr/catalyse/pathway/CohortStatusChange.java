package fr.catalyse.pathway;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves a cohort to the status a point of the model stands for:
 * {@code ${cohortStatusChange.set(execution, 'CLOSING')}}.
 */
@Component
public class CohortStatusChange {

    private final PathwayLedger ledger;

    CohortStatusChange(PathwayLedger ledger) {
        this.ledger = ledger;
    }

    public void set(DelegateExecution execution, String status) {
        ledger.cohort(execution).become(CohortStatus.valueOf(status), PathwayLedger.now());
    }

}
