package fr.catalyse.governance;

import fr.catalyse.forms.Read;
import fr.catalyse.pathway.Cohort;
import fr.catalyse.pathway.CohortRepository;
import fr.catalyse.pathway.PathwayLedger;
import fr.catalyse.pathway.PathwayProperties;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.territory.Territory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterGovernanceDialogue: the dialogue's record, its first period, and a
 * readable business key.
 */
@Component
class RegisterGovernanceDialogue implements JavaDelegate {

    private final PathwayLedger ledger;

    private final CohortRepository cohorts;

    private final GovernanceDialogueRepository dialogues;

    private final PathwayProperties properties;

    RegisterGovernanceDialogue(PathwayLedger ledger, CohortRepository cohorts, GovernanceDialogueRepository dialogues,
            PathwayProperties properties) {
        this.ledger = ledger;
        this.cohorts = cohorts;
        this.dialogues = dialogues;
        this.properties = properties;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Territory territory = ledger.territory(Read.text(execution, ProcessVariables.TERRITORY));
        Object cohortId = execution.getVariable(ProcessVariables.COHORT_ID);
        Cohort cohort = cohortId == null ? null : cohorts.findById(((Number) cohortId).longValue()).orElse(null);
        GovernanceDialogue dialogue = dialogues.save(new GovernanceDialogue(territory, cohort,
                Read.text(execution, "dialogueSubject"), execution.getProcessInstanceId(), PathwayLedger.now()));
        execution.setVariable(GovernanceFollowUp.DIALOGUE_ID, dialogue.getId());
        execution.setVariable(ProcessVariables.TERRITORY_NAME, territory.getName());
        execution.setVariable(GovernanceFollowUp.PERIOD_YEARS, properties.governancePeriodYears());
        execution.setVariable(GovernanceFollowUp.MONTHS_BEFORE, 0);
        execution.setProcessBusinessKey(territory.getCode() + " / Dialogue de gouvernance");
    }

}
