package fr.catalyse.pathway;

import static fr.catalyse.partnership.PartnershipScenario.values;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.forms.FormValues;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * A cohort launched by the programme team with the usual calendar, and the answers of a
 * one-territory selection.
 */
public final class CohortScenario {

    private CohortScenario() {
    }

    /**
     * Applications close after 14 days; sessions 30, 75, 120, 180 and 240 days after the
     * start.
     */
    public static ProcessInstance launch(ProcessEngine engine, AccessDirectory access, String name, LocalDate start) {
        return access.actingAs("prog.test",
                () -> engine.getRuntimeService().startProcessInstanceByKey("pilot-pathway", calendar(name, start)));
    }

    /**
     * The same calendar, on one deployed version of the model (e.g. a released one)
     * instead of the latest.
     */
    public static ProcessInstance launchOn(ProcessEngine engine, AccessDirectory access, String processDefinitionId,
            String name, LocalDate start) {
        return access.actingAs("prog.test",
                () -> engine.getRuntimeService().startProcessInstanceById(processDefinitionId, calendar(name, start)));
    }

    private static Map<String, Object> calendar(String name, LocalDate start) {
        return values("cohortName", name, "startDate", start.toString(), "targetTerritories", 12L,
                "applicationDeadline", start.plusDays(14).toString(), "sessionS1", start.plusDays(30).toString(),
                "sessionS2", start.plusDays(75).toString(), "sessionW", start.plusDays(120).toString(), "sessionS3",
                start.plusDays(180).toString(), "sessionS4", start.plusDays(240).toString());
    }

    /**
     * p01 applies and is selected alone; sessions are prepared; every other task stays
     * open.
     */
    public static Map<String, Object> p01Only(ProcessEngine engine, Task task) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_Apply" -> "p01".equals(engine.getTaskService().getVariable(task.getId(), "territory"))
                    ? values("applying", "oui", "catalystOne", "cat1.p01", "catalystTwo", "cat2.p01", "motivation",
                            "Nous sommes prêts à avancer.")
                    : null;
            case "Task_ReviewApplications" -> values("selectedTerritories", FormValues.json(List.of("p01")));
            case "Task_ValidateSelection" -> values("selectionDecision", "valider");
            case "Task_PrepareSession" ->
                values("sessionPlace", "Lyon, Hôtel de région", "sessionAgenda", "Atelier bilan et retours.");
            default -> null;
        };
    }

    /**
     * p01 alone through the whole pathway, after {@link #p01Only}: the session's records,
     * its deliverables (with a contribution to the socle commun at S4), the monthly
     * follow-ups, the socle commun approved and validated, and the scale-up committee
     * that decides no new cohort.
     */
    public static Map<String, Object> p01Throughout(ProcessEngine engine, Task task) {
        Map<String, Object> selection = p01Only(engine, task);
        if (selection != null || "Task_Apply".equals(task.getTaskDefinitionKey())) {
            return selection;
        }
        return switch (task.getTaskDefinitionKey()) {
            case "Task_RecordSession" ->
                values("attendance", FormValues.json(List.of("p01")), "sessionMinutes", "Le binôme était présent.");
            case "Task_SubmitDeliverable" ->
                deliverable("p01", (String) engine.getTaskService().getVariable(task.getId(), "session"));
            case "Task_CapitaliseSession" ->
                values("sessionLessons", "Les territoires avancent à des rythmes différents.");
            case "Task_MonthlySupport" -> values("supportProgress", "Le comité local se réunit chaque mois.");
            case "Task_ConsolidateFoundation" ->
                values("foundationItems", engine.getTaskService().getVariable(task.getId(), "foundationItems"));
            case "Task_ReviewFoundation" -> values("foundationOpinion", "approuve");
            case "Task_ValidateFoundation" ->
                values("foundationDecision", "valider", "committeeComment", "Relu en séance.");
            case "Task_ScaleUpDecision" ->
                values("scaleUpDecision", "pas-de-suite", "scaleUpNotes", "Attendre le bilan des dialogues.");
            default -> throw new AssertionError("Tâche inattendue : " + task.getTaskDefinitionKey());
        };
    }

    /**
     * A territory's deliverable for a session; the S4 one carries a contribution to the
     * socle commun.
     */
    static Map<String, Object> deliverable(String territory, String session) {
        Map<String, Object> submitted = values("deliverableSummary",
                "Notre " + session + " : constats, actions, suites.", "deliverableLink",
                "https://docs.exemple.fr/" + territory + "/" + session);
        if ("S4".equals(session)) {
            submitted
                .put("contributions",
                        FormValues.json(List.of(new java.util.HashMap<>(Map.of("category", "enseignement", "dimension",
                                "dispositif", "engineering", "relationnelle", "content",
                                "Un tiers de confiance rend l'alliance possible.")))));
        }
        return submitted;
    }

}
