package fr.catalyse.pathway;

import fr.catalyse.platform.ProcessVariables;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Task_StartGovernanceDialogues: when the pathway ends, each selected territory's
 * governance dialogue begins.
 */
@Component
class StartGovernanceDialogues implements JavaDelegate {

    static final String PROCESS_KEY = "governance-dialogue";

    private final PathwayLedger ledger;

    private final ParticipationRepository participations;

    private final RuntimeService runtime;

    StartGovernanceDialogues(PathwayLedger ledger, ParticipationRepository participations,
            @Lazy RuntimeService runtime) {
        this.ledger = ledger;
        this.participations = participations;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Cohort cohort = ledger.cohort(execution);
        for (Participation participation : participations.findByCohortAndStatusOrderById(cohort,
                ParticipationStatus.SELECTED)) {
            runtime.startProcessInstanceByKey(PROCESS_KEY,
                    Map.of(ProcessVariables.TERRITORY, participation.getTerritory().getCode(), "dialogueSubject",
                            "Suite du parcours « " + cohort.getName() + " »", ProcessVariables.COHORT_ID,
                            cohort.getId()));
        }
    }

}
