package fr.catalyse.pathway;

import fr.catalyse.forms.FormValues;
import fr.catalyse.forms.Read;
import fr.catalyse.notification.NoticeJobs;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.platform.ProcessVariables;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The collective sessions and what follows each: dates read from the cohort's record (so
 * a changed date moves the session's timer and updates the invitations), cancellation,
 * preparation, attendance, deliverables, lessons, monthly support.
 */
@Component
public class PathwaySessions {

    static final String SESSION = "session";
    static final String SESSION_DAY = "Timer_SessionDay";

    private final PathwayLedger ledger;

    private final SessionRepository sessions;

    private final DeliverableRepository deliverables;

    private final SupportFollowUpRepository followUps;

    private final PathwaySelection selection;

    private final CohortRepository cohorts;

    private final Deadlines deadlines;

    private final ManagementService management;

    private final RuntimeService runtime;

    private final NoticeJobs notices;

    PathwaySessions(PathwayLedger ledger, SessionRepository sessions, DeliverableRepository deliverables,
            SupportFollowUpRepository followUps, PathwaySelection selection, CohortRepository cohorts,
            Deadlines deadlines, @Lazy ManagementService management, @Lazy RuntimeService runtime, NoticeJobs notices) {
        this.ledger = ledger;
        this.sessions = sessions;
        this.deliverables = deliverables;
        this.followUps = followUps;
        this.selection = selection;
        this.cohorts = cohorts;
        this.deadlines = deadlines;
        this.management = management;
        this.runtime = runtime;
        this.notices = notices;
    }

    /** Timer_SessionDay: the session's planned date, at the configured time. */
    public Date dateOf(DelegateExecution execution) {
        return ledger.at(session(execution).getPlannedDate());
    }

    /** Due date of a deliverable: a configured delay after its session. */
    public Date deliverableDue(DelegateExecution execution) {
        return Deadlines.after(dateOf(execution), deadlines.of("pilot.deliverable-delay"));
    }

    /** SubProcess_Session start: what the session's tasks show. */
    public void sessionOpened(DelegateExecution execution) {
        SessionCode code = SessionCode.of(Read.text(execution, SESSION));
        execution.setVariableLocal(ProcessVariables.SESSION_TITLE, code.label());
        execution.setVariableLocal("sessionTheme", code.title());
        execution.setVariableLocal("deliverableKind", code.deliverable());
        execution.setVariableLocal("sessionDate", Read.text(execution, SESSION) == null ? null
                : fr.catalyse.notification.FrenchDates.dayAndTime(dateOf(execution)));
    }

    /** Task_PrepareSession */
    public void prepared(DelegateTask task) {
        session(task).prepare(Read.text(task, "sessionPlace"), Read.text(task, "sessionAgenda"));
    }

    /** Task_RecordSession */
    public void recorded(DelegateTask task) {
        session(task).hold(PathwayLedger.today(), String.join(",", Read.list(task, "attendance")),
                Read.text(task, "sessionMinutes"));
    }

    /**
     * SubProcess_Deliverable start: the territory's branch, and the deliverable it now
     * owes.
     */
    public void deliverableOpened(DelegateExecution execution) {
        selection.territoryEntered(execution);
        String code = Read.text(execution, SESSION);
        deliverables.save(new Deliverable(ledger.participation(execution), code, SessionCode.of(code).deliverable(),
                deliverableDue(execution).toInstant()));
    }

    /** Task_SubmitDeliverable */
    public void deliverableSubmitted(DelegateTask task) {
        String code = Read.text(task, SESSION);
        List<?> contributions = Read.entries(task, "contributions");
        deliverables.findByParticipationAndSessionCode(ledger.participation(task), code)
            .orElseThrow()
            .submit(Read.text(task, "deliverableSummary"), Read.text(task, "deliverableLink"),
                    contributions.isEmpty() ? null : FormValues.json(contributions).getValueSerialized(),
                    PathwayLedger.now());
    }

    /** Task_CapitaliseSession */
    public void capitalised(DelegateTask task) {
        session(task).capitalise(Read.text(task, "sessionLessons"));
    }

    /** Task_MonthlySupport */
    public void monthlySupportRecorded(DelegateTask task) {
        followUps.save(new SupportFollowUp(ledger.participation(task), Read.integer(task, "month"),
                Read.text(task, "supportProgress"), Read.text(task, "supportDifficulties"), PathwayLedger.now()));
    }

    /**
     * Moves a session to another day: the record changes and, if the cohort is already
     * waiting for that session, its timer moves with it. Deliverables take their due date
     * from the new day.
     */
    @Transactional
    public void reschedule(long cohortId, String code, LocalDate day) {
        Cohort cohort = cohorts.findById(cohortId)
            .orElseThrow(() -> new InvalidInputException("Cohorte inconnue : " + cohortId));
        CollectiveSession session = sessions.findByCohortAndCode(cohort, SessionCode.of(code).name())
            .orElseThrow(() -> new InvalidInputException("Session inconnue : " + code));
        if (session.getStatus() == SessionStatus.HELD || session.getStatus() == SessionStatus.CAPITALISED) {
            throw new InvalidInputException("La session " + code + " a déjà eu lieu : sa date ne peut plus changer.");
        }
        if (!day.isAfter(PathwayLedger.today())) {
            throw new InvalidInputException("La nouvelle date de la session " + code + " doit être future.");
        }
        boolean convened = session.getStatus() == SessionStatus.CONVENED;
        session.reschedule(day);
        moveTimer(cohort, code, ledger.at(day));
        if (convened) {
            notices.schedule(cohort.getProcessInstanceId(), Convocations.NAME,
                    cohort.getId() + ":" + session.getCode());
        }
    }

    /**
     * Cancels a session that has not taken place: its binômes receive the cancellation of
     * their invitation if they were convened, and the cohort moves on without it (no
     * minutes, no deliverable).
     */
    @Transactional
    public void cancel(long cohortId, String code) {
        Cohort cohort = cohorts.findById(cohortId)
            .orElseThrow(() -> new InvalidInputException("Cohorte inconnue : " + cohortId));
        CollectiveSession session = sessions.findByCohortAndCode(cohort, SessionCode.of(code).name())
            .orElseThrow(() -> new InvalidInputException("Session inconnue : " + code));
        if (session.getStatus() != SessionStatus.PLANNED && session.getStatus() != SessionStatus.CONVENED) {
            throw new InvalidInputException("La session " + code + " a déjà eu lieu ou est déjà annulée.");
        }
        boolean convened = session.getStatus() == SessionStatus.CONVENED;
        session.cancel();
        moveTimer(cohort, code, EngineClock.date());
        if (convened) {
            notices.schedule(cohort.getProcessInstanceId(), Convocations.NAME,
                    cohort.getId() + ":" + session.getCode());
        }
    }

    /**
     * Whether the session the execution is about was cancelled: the model then skips it.
     */
    public boolean cancelled(DelegateExecution execution) {
        return session(execution).getStatus() == SessionStatus.CANCELLED;
    }

    /**
     * If the cohort is waiting for that session's day, the wait now ends at this date.
     */
    private void moveTimer(Cohort cohort, String code, Date date) {
        for (Job timer : management.createJobQuery()
            .processInstanceId(cohort.getProcessInstanceId())
            .activityId(SESSION_DAY)
            .list()) {
            if (code.equals(runtime.getVariable(timer.getExecutionId(), SESSION))) {
                management.setJobDuedate(timer.getId(), date);
            }
        }
    }

    private CollectiveSession session(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return sessions.findByCohortAndCode(ledger.cohort(scope), Read.text(scope, SESSION)).orElseThrow();
    }

}
