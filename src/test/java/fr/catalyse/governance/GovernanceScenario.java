package fr.catalyse.governance;

import static fr.catalyse.partnership.PartnershipScenario.values;

import java.util.Map;
import org.camunda.bpm.engine.task.Task;

/**
 * The catalyst's answers in a governance dialogue, up to the final review of the period
 * (left open).
 */
public final class GovernanceScenario {

    private GovernanceScenario() {
    }

    public static Map<String, Object> reviews(Task task) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_InitialInterview" ->
                values("interviewNotes", "Attentes fortes sur la coordination des acteurs.");
            case "Task_QuarterlyReview" ->
                values("reviewNotes", "Le dialogue avance.", "dialogueHealth", "constructif");
            case "Task_YearlyAssessment" -> values("assessmentNotes", "Une année de travail commun utile.");
            default -> null;
        };
    }

    /**
     * The final review's answer: "prolonger" extends the dialogue by a period, "clore"
     * closes it.
     */
    public static Map<String, Object> finalReview(String decision) {
        return values("finalAssessment", "Un dialogue mûr et constructif.", "dialogueDecision", decision);
    }

}
