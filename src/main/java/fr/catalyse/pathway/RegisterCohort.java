package fr.catalyse.pathway;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.territory.ParticipantRepository;
import fr.catalyse.territory.Territory;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterCohort: checks the calendar the programme team entered, creates the cohort
 * with its five sessions, and opens the call for applications to every territory that has
 * catalysts.
 */
@Component
class RegisterCohort implements JavaDelegate {

    private final CohortRepository cohorts;

    private final SessionRepository sessions;

    private final ParticipationRepository participations;

    private final ParticipantRepository participants;

    RegisterCohort(CohortRepository cohorts, SessionRepository sessions, ParticipationRepository participations,
            ParticipantRepository participants) {
        this.cohorts = cohorts;
        this.sessions = sessions;
        this.participations = participations;
        this.participants = participants;
    }

    @Override
    public void execute(DelegateExecution execution) {
        LocalDate start = Read.date(execution, "startDate");
        LocalDate deadline = Read.date(execution, "applicationDeadline");
        List<LocalDate> dates = new ArrayList<>();
        for (SessionCode code : SessionCode.values()) {
            dates.add(Read.date(execution, "session" + code.name()));
        }
        checkCalendar(start, deadline, dates);

        Cohort cohort = cohorts
            .save(new Cohort(Read.text(execution, "cohortName"), start, Read.integer(execution, "targetTerritories"),
                    deadline, execution.getProcessInstanceId(), PathwayLedger.now()));
        for (SessionCode code : SessionCode.values()) {
            sessions.save(new CollectiveSession(cohort, code.name(), code.ordinal() + 1, code.title(),
                    dates.get(code.ordinal())));
        }
        List<String> invited = new ArrayList<>();
        for (Territory territory : participants.territoriesWithCatalysts()) {
            participations.save(new Participation(cohort, territory));
            invited.add(territory.getCode());
        }
        execution.setVariable(ProcessVariables.COHORT_ID, cohort.getId());
        execution.setVariable("invitedTerritories", FormValues.json(invited));
        execution.setVariable("applicationDeadline", endOfDay(deadline));
        execution.setProcessBusinessKey("Cohorte " + cohort.getName());
    }

    static java.util.Date endOfDay(LocalDate day) {
        return java.util.Date
            .from(day.atTime(LocalTime.of(23, 59)).atZone(fr.catalyse.platform.Deadlines.ZONE).toInstant());
    }

    private static void checkCalendar(LocalDate start, LocalDate deadline, List<LocalDate> sessionDates) {
        List<String> problems = new ArrayList<>();
        if (deadline.isBefore(start)) {
            problems.add("la date limite de candidature doit suivre le début de la cohorte");
        }
        if (!sessionDates.get(0).isAfter(deadline)) {
            problems.add("la session S1 doit avoir lieu après la date limite de candidature");
        }
        for (int i = 1; i < sessionDates.size(); i++) {
            if (!sessionDates.get(i).isAfter(sessionDates.get(i - 1))) {
                problems.add("la session " + SessionCode.values()[i].name() + " doit suivre la session "
                        + SessionCode.values()[i - 1].name());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("Calendrier incohérent : " + String.join(" ; ", problems) + ".");
        }
    }

}
