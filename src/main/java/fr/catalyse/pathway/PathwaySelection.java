package fr.catalyse.pathway;

import fr.catalyse.access.Role;
import fr.catalyse.access.SignInRefusal;
import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.territory.Participant;
import fr.catalyse.territory.ParticipantRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Records the selection of a cohort: applications, the programme team's choice, the
 * committee's decision.
 */
@Component
public class PathwaySelection {

    private final PathwayLedger ledger;

    private final ParticipationRepository participations;

    private final ParticipantRepository participants;

    private final ObjectProvider<SignInRefusal> departed;

    PathwaySelection(PathwayLedger ledger, ParticipationRepository participations, ParticipantRepository participants,
            ObjectProvider<SignInRefusal> departed) {
        this.ledger = ledger;
        this.participations = participations;
        this.participants = participants;
        this.departed = departed;
    }

    /**
     * Start of every per-territory sub-process: the territory's name, and its catalysts
     * to choose a binôme from (not those who left the programme), kept local to that
     * territory's branch.
     */
    public void territoryEntered(DelegateExecution execution) {
        String code = Read.text(execution, ProcessVariables.TERRITORY);
        execution.setVariableLocal(ProcessVariables.TERRITORY_NAME, ledger.territory(code).getName());
        Map<String, String> catalysts = new LinkedHashMap<>();
        for (Participant catalyst : participants.findByTerritoryAndRole(code, Role.CATALYST)) {
            if (departed.stream().anyMatch(refusal -> refusal.refuses(catalyst.getUserId()))) {
                continue;
            }
            catalysts.put(catalyst.getUserId(), catalyst.getFirstName() + " " + catalyst.getLastName());
        }
        execution.setVariableLocal("territoryCatalysts", FormValues.options(catalysts));
    }

    /**
     * Task_Apply: the territory applies with a binôme of two of its catalysts, or
     * declines.
     */
    public void applied(DelegateTask task) {
        Participation participation = ledger.participation(task);
        if (!"oui".equals(Read.text(task, "applying"))) {
            participation.decline(PathwayLedger.now());
            return;
        }
        String one = Read.text(task, "catalystOne");
        String two = Read.text(task, "catalystTwo");
        if (one.equals(two)) {
            throw new InvalidInputException(
                    "Le binôme réunit deux catalyseurs différents : choisissez une autre personne "
                            + "pour « Second catalyseur du binôme ».");
        }
        participation.apply(one, two, Read.text(task, "motivation"), PathwayLedger.now());
    }

    /**
     * Task_ReviewApplications, on creation: the applications side by side, and the
     * territories to choose from.
     */
    public void reviewPrepared(DelegateTask task) {
        List<Map<String, String>> applications = new ArrayList<>();
        Map<String, String> applicants = new LinkedHashMap<>();
        for (Participation participation : participations.findByCohortAndStatusOrderById(ledger.cohort(task),
                ParticipationStatus.APPLIED)) {
            String territory = participation.getTerritory().getName();
            applications.add(Map.of("territoire", territory, "binome",
                    participation.getCatalystOne() + " et " + participation.getCatalystTwo(), "motivation",
                    participation.getMotivation() == null ? "" : participation.getMotivation()));
            applicants.put(participation.getTerritory().getCode(), territory);
        }
        task.setVariableLocal("applications", FormValues.json(applications));
        task.setVariableLocal("applicantOptions", FormValues.options(applicants));
        task.setVariableLocal("applicationCount", applicants.size());
    }

    /**
     * Task_ValidateSelection, on creation: how many territories the programme team
     * retained.
     */
    public void validationPrepared(DelegateTask task) {
        task.setVariableLocal("selectedCount", Read.list(task, "selectedTerritories").size());
    }

    /** Task_ValidateSelection: extending the call needs a new deadline in the future. */
    public void selectionDecided(DelegateTask task) {
        if (!"prolonger".equals(Read.text(task, "selectionDecision"))) {
            return;
        }
        var deadline = Read.date(task, "newApplicationDeadline");
        if (!deadline.isAfter(PathwayLedger.today())) {
            throw new InvalidInputException(
                    "Le champ « Nouvelle date limite de candidature » doit être une date future.");
        }
        ledger.cohort(task).extendCall(deadline);
        task.setVariable("applicationDeadline", RegisterCohort.endOfDay(deadline));
    }

}
