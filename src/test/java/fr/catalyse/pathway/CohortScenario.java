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

/** A cohort launched by the programme team with the usual calendar, and the answers of a one-territory selection. */
final class CohortScenario {

  private CohortScenario() {
  }

  /** Applications close after 14 days; sessions 30, 75, 120, 180 and 240 days after the start. */
  static ProcessInstance launch(ProcessEngine engine, AccessDirectory access, String name, LocalDate start) {
    Map<String, Object> calendar = values("cohortName", name, "startDate", start.toString(), "targetTerritories", 12L,
        "applicationDeadline", start.plusDays(14).toString(), "sessionS1", start.plusDays(30).toString(),
        "sessionS2", start.plusDays(75).toString(), "sessionW", start.plusDays(120).toString(),
        "sessionS3", start.plusDays(180).toString(), "sessionS4", start.plusDays(240).toString());
    return access.actingAs("prog.test", () -> engine.getRuntimeService().startProcessInstanceByKey("pilot-pathway", calendar));
  }

  /** p01 applies and is selected alone; sessions are prepared; every other task stays open. */
  static Map<String, Object> p01Only(ProcessEngine engine, Task task) {
    return switch (task.getTaskDefinitionKey()) {
      case "Task_Apply" -> "p01".equals(engine.getTaskService().getVariable(task.getId(), "territory"))
          ? values("applying", "oui", "catalystOne", "cat1.p01", "catalystTwo", "cat2.p01", "motivation", "Nous sommes prêts à avancer.")
          : null;
      case "Task_ReviewApplications" -> values("selectedTerritories", FormValues.json(List.of("p01")));
      case "Task_ValidateSelection" -> values("selectionDecision", "valider");
      case "Task_PrepareSession" -> values("sessionPlace", "Lyon, Hôtel de région", "sessionAgenda", "Atelier bilan et retours.");
      default -> null;
    };
  }
}
