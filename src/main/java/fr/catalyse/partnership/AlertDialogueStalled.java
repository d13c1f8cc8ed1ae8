package fr.catalyse.partnership;

import fr.catalyse.notification.ProgrammeAlerts;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_AlertDialogueStalled: the territorial dialogue has not concluded in time; the
 * programme team is told.
 */
@Component
class AlertDialogueStalled implements JavaDelegate {

    private final PartnershipLedger ledger;

    private final ProgrammeAlerts alerts;

    AlertDialogueStalled(PartnershipLedger ledger, ProgrammeAlerts alerts) {
        this.ledger = ledger;
        this.alerts = alerts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Partnership partnership = ledger.of(execution);
        String territory = partnership.getTerritory().getName();
        alerts.alert("dialogue-stalled:" + execution.getProcessInstanceId(),
                "Dialogue au point mort — " + territory + " : « " + partnership.getName() + " »",
                "Le dialogue territorial du partenariat « " + partnership.getName() + " » (" + territory
                        + ") n'a pas abouti depuis son lancement le "
                        + PartnershipLedger.format(partnership.getStartedAt())
                        + ". Le catalyseur a peut-être besoin d'un appui.",
                partnership.getTerritory().getCode(), execution.getProcessInstanceId());
        ledger.journal(partnership, JournalKind.DIALOGUE_STALLED, null, null, "Équipe programme alertée", null);
    }

}
