package fr.catalyse.pathway;

import fr.catalyse.forms.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ReopenCall: the call is extended for the territories that have not answered yet.
 */
@Component
class ReopenCall implements JavaDelegate {

    private final PathwayLedger ledger;

    private final ParticipationRepository participations;

    ReopenCall(PathwayLedger ledger, ParticipationRepository participations) {
        this.ledger = ledger;
        this.participations = participations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("invitedTerritories",
                FormValues.json(participations
                    .findByCohortAndStatusOrderById(ledger.cohort(execution), ParticipationStatus.INVITED)
                    .stream()
                    .map(participation -> participation.getTerritory().getCode())
                    .toList()));
    }

}
