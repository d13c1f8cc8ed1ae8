package fr.catalyse.partnership;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Moves the record to the stage a sub-process of the model stands for, in the engine's
 * transaction: {@code ${partnershipStages.enter(execution, 'MATCHMAKING')}} on the
 * sub-process start.
 */
@Component
public class PartnershipStages {

    static final String EVALUATION_ROUND = "evaluationRound";

    private final PartnershipLedger ledger;

    PartnershipStages(PartnershipLedger ledger) {
        this.ledger = ledger;
    }

    public void enter(DelegateExecution execution, String stage) {
        PartnershipStage next = PartnershipStage.valueOf(stage);
        ledger.of(execution).enter(next, PartnershipLedger.now());
        if (next == PartnershipStage.EVALUATION) {
            Object round = execution.getVariable(EVALUATION_ROUND);
            execution.setVariable(EVALUATION_ROUND, round == null ? 1 : ((Number) round).intValue() + 1);
        }
    }

}
