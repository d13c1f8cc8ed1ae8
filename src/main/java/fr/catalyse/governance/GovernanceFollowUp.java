package fr.catalyse.governance;

import fr.catalyse.forms.Read;
import fr.catalyse.pathway.PathwayLedger;
import fr.catalyse.pathway.PathwayProperties;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/**
 * The governance dialogue's calendar and reviews. A period of N years has three quarterly
 * reviews a year, a yearly assessment at the end of each year but the last, and a final
 * review at its end (month 36 for the first period of three years), which extends the
 * dialogue or closes it.
 */
@Component
public class GovernanceFollowUp {

    static final String DIALOGUE_ID = "governanceDialogueId";
    static final String PERIOD_YEARS = "periodYears";
    static final String MONTHS_BEFORE = "monthsBefore";

    private final GovernanceDialogueRepository dialogues;

    private final GovernanceReviewRepository reviews;

    private final PathwayProperties properties;

    GovernanceFollowUp(GovernanceDialogueRepository dialogues, GovernanceReviewRepository reviews,
            PathwayProperties properties) {
        this.dialogues = dialogues;
        this.reviews = reviews;
        this.properties = properties;
    }

    /** The years of the current period: 1 to periodYears. */
    public List<Integer> years(DelegateExecution execution) {
        return IntStream.rangeClosed(1, Read.integer(execution, PERIOD_YEARS)).boxed().toList();
    }

    public List<Integer> quarters() {
        return List.of(1, 2, 3);
    }

    /**
     * Whether the year being followed is the last of the period: its end is the final
     * review.
     */
    public boolean lastYear(DelegateExecution execution) {
        return Read.integer(execution, "year") == Read.integer(execution, PERIOD_YEARS);
    }

    /** Task_InitialInterview */
    public void interviewed(DelegateTask task) {
        record(task, ReviewKind.INITIAL, 0, Read.text(task, "interviewNotes"), null);
    }

    /** Task_QuarterlyReview */
    public void quarterReviewed(DelegateTask task) {
        record(task, ReviewKind.QUARTERLY, month(task) + Read.integer(task, "quarter") * 3,
                Read.text(task, "reviewNotes"), Read.text(task, "dialogueHealth"));
    }

    /** Task_YearlyAssessment */
    public void yearAssessed(DelegateTask task) {
        record(task, ReviewKind.YEARLY, month(task) + 12, Read.text(task, "assessmentNotes"), null);
    }

    /** Task_FinalReview */
    public void finalReviewed(DelegateTask task) {
        record(task, ReviewKind.FINAL, Read.integer(task, MONTHS_BEFORE) + Read.integer(task, PERIOD_YEARS) * 12,
                Read.text(task, "finalAssessment"), Read.text(task, "dialogueDecision"));
    }

    /**
     * Task_ExtendDialogue: another period, of the configured extension length, follows.
     */
    public void extend(DelegateExecution execution) {
        dialogue(execution).extend();
        execution.setVariable(MONTHS_BEFORE,
                Read.integer(execution, MONTHS_BEFORE) + Read.integer(execution, PERIOD_YEARS) * 12);
        execution.setVariable(PERIOD_YEARS, properties.governanceExtensionYears());
    }

    /** Task_CloseGovernanceDialogue */
    public void close(DelegateExecution execution) {
        dialogue(execution).close(PathwayLedger.now());
    }

    /** First month of the year being followed, counted from the dialogue's start. */
    private static int month(DelegateTask task) {
        return Read.integer(task, MONTHS_BEFORE) + (Read.integer(task, "year") - 1) * 12;
    }

    private void record(DelegateTask task, ReviewKind kind, int month, String notes, String outcome) {
        reviews.save(new GovernanceReview(dialogue(task), kind, month, notes, outcome, PathwayLedger.now()));
    }

    private GovernanceDialogue dialogue(VariableScope scope) {
        return dialogues.findById(((Number) scope.getVariable(DIALOGUE_ID)).longValue()).orElseThrow();
    }

}
