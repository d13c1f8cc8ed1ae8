package fr.catalyse.pathway;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.platform.CatalyseProperties;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_NotifySelection: records the decision for every applicant territory and tells each
 * binôme, selected or not; the cohort starts running with the selected territories.
 */
@Component
class NotifySelection implements JavaDelegate {

    private final PathwayLedger ledger;

    private final ParticipationRepository participations;

    private final SessionRepository sessions;

    private final People people;

    private final Notices notices;

    private final CatalyseProperties application;

    NotifySelection(PathwayLedger ledger, ParticipationRepository participations, SessionRepository sessions,
            People people, Notices notices, CatalyseProperties application) {
        this.ledger = ledger;
        this.participations = participations;
        this.sessions = sessions;
        this.people = people;
        this.notices = notices;
        this.application = application;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Cohort cohort = ledger.cohort(execution);
        List<String> selected = Read.list(execution, "selectedTerritories");
        Map<String, String> selectedOptions = new LinkedHashMap<>();
        String calendar = String.join(", ",
                sessions.findByCohortOrderByPosition(cohort)
                    .stream()
                    .map(session -> session.getCode() + " le "
                            + fr.catalyse.notification.FrenchDates.day(ledger.at(session.getPlannedDate())))
                    .toList());
        for (Participation participation : participations.findByCohortAndStatusOrderById(cohort,
                ParticipationStatus.APPLIED)) {
            String code = participation.getTerritory().getCode();
            boolean retained = selected.contains(code);
            participation.decide(retained, PathwayLedger.now());
            if (retained) {
                selectedOptions.put(code, participation.getTerritory().getName());
            }
            tell(cohort, participation, retained, calendar, execution.getProcessInstanceId());
        }
        cohort.become(CohortStatus.RUNNING, PathwayLedger.now());
        execution.setVariable("selectedTerritories", FormValues.json(List.copyOf(selectedOptions.keySet())));
        execution.setVariable("selectedOptions", FormValues.options(selectedOptions));
    }

    private void tell(Cohort cohort, Participation participation, boolean retained, String calendar,
            String processInstanceId) {
        String territory = participation.getTerritory().getName();
        String subject = retained ? "Parcours « " + cohort.getName() + " » : " + territory + " est retenu"
                : "Parcours « " + cohort.getName() + " » : réponse à la candidature de " + territory;
        List<String> paragraphs = retained
                ? List.of("Le comité d'orientation a retenu la candidature de " + territory
                        + " pour le parcours d'expérience « " + cohort.getName() + " ». Bienvenue dans la cohorte !",
                        "Les sessions collectives : " + calendar + ". Vous recevrez une convocation avant chacune.")
                : List.of("Le comité d'orientation n'a pas retenu la candidature de " + territory
                        + " pour le parcours « " + cohort.getName()
                        + " ». Merci pour votre engagement ; l'équipe programme reste à votre écoute.");
        participation.binome()
            .forEach(userId -> people.user(userId)
                .ifPresent(recipient -> notices.send(
                        "selection:" + cohort.getId() + ":" + participation.getTerritory().getCode(), recipient,
                        subject, paragraphs, application.tasklistLink(),
                        new Notices.About(participation.getTerritory().getCode(), processInstanceId))));
    }

}
