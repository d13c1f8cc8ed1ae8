package fr.catalyse.pathway;

import fr.catalyse.access.Role;
import fr.catalyse.notification.FrenchDates;
import fr.catalyse.notification.ProgrammeAlerts;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Task_WarnPathwayEnding and Task_EscalateOverrun: the programme team hears before the
 * ninth month ends; if the cohort overruns, the steering committee hears too.
 */
@Component
public class PathwayAlerts {

    private final PathwayLedger ledger;

    private final ProgrammeAlerts alerts;

    private final PilotPathway pathway;

    PathwayAlerts(PathwayLedger ledger, ProgrammeAlerts alerts, PilotPathway pathway) {
        this.ledger = ledger;
        this.alerts = alerts;
        this.pathway = pathway;
    }

    public void warnEnding(DelegateExecution execution) {
        Cohort cohort = ledger.cohort(execution);
        alerts.alert("pathway-ending:" + cohort.getId(),
                "Fin du parcours « " + cohort.getName() + " » dans quelques jours",
                "Le neuvième mois du parcours « " + cohort.getName()
                        + " » s'achève. Vérifiez que les sessions, les livrables et "
                        + "l'accompagnement des territoires seront terminés à temps.",
                null, execution.getProcessInstanceId());
    }

    public void escalateOverrun(DelegateExecution execution) {
        Cohort cohort = ledger.cohort(execution);
        alerts.alert("pathway-overrun:" + cohort.getId(), "Parcours « " + cohort.getName() + " » en dépassement",
                "Le parcours « " + cohort.getName()
                        + " » aurait dû s'achever ; il reste des sessions, des livrables ou des "
                        + "accompagnements ouverts depuis le " + FrenchDates.day(pathway.overrunDate(execution)) + ".",
                null, execution.getProcessInstanceId(), List.of(Role.PROGRAMME_TEAM, Role.STEERING_COMMITTEE));
    }

}
