package fr.catalyse.partnership;

import fr.catalyse.forms.Read;
import fr.catalyse.platform.ProcessVariables;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Task_SpreadPartnership: essaimage. A new partnership lifecycle starts in the chosen
 * territory with this one's intent, linked to it; its catalysts pick it up there.
 */
@Component
class SpreadPartnership implements JavaDelegate {

    static final String PROCESS_KEY = "partnership-lifecycle";

    private static final List<String> CARRIED_OVER = List.of(ProcessVariables.PARTNERSHIP_NAME, "partnershipKind",
            "objectives", "fragilities", "summary");

    private final PartnershipLedger ledger;

    private final RuntimeService runtime;

    SpreadPartnership(PartnershipLedger ledger, @Lazy RuntimeService runtime) {
        this.ledger = ledger;
        this.runtime = runtime;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Partnership partnership = ledger.of(execution);
        Map<String, Object> variables = new HashMap<>();
        CARRIED_OVER.forEach(name -> variables.put(name, execution.getVariable(name)));
        variables.put(ProcessVariables.TERRITORY, Read.text(execution, "spreadTerritory"));
        variables.put(RegisterPartnership.SPREAD_FROM, partnership.getId());
        String spread = runtime.startProcessInstanceByKey(PROCESS_KEY, variables).getId();
        execution.setVariable("spreadProcessInstanceId", spread);
        partnership.enter(PartnershipStage.SPREAD, PartnershipLedger.now());
    }

}
