package fr.catalyse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.forms.FormValues;
import fr.catalyse.platform.Seeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Partnerships at different stages in the demo territories, played through the real model from
 * demo/partnerships.json: each is started by its catalyst, then its tasks are completed with the
 * listed form values (and its timers fired) until it reaches the stage a newcomer should see.
 */
@Component
@Order(110)
@ConditionalOnProperty("catalyse.demo.enabled")
class DemoPartnerships implements Seeder {

  static final String FILE = "demo/partnerships.json";
  static final String PROCESS = "partnership-lifecycle";

  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final HistoryService history;
  private final AccessDirectory access;

  DemoPartnerships(RuntimeService runtime, TaskService tasks, ManagementService management, HistoryService history,
      AccessDirectory access) {
    this.runtime = runtime;
    this.tasks = tasks;
    this.management = management;
    this.history = history;
    this.access = access;
  }

  @Override
  public void seed() {
    for (JsonNode partnership : read()) {
      JsonNode start = partnership.get("start");
      String businessKey = start.get("territory").asText() + " / " + start.get("partnershipName").asText();
      if (history.createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).processInstanceBusinessKey(businessKey)
          .count() == 0) {
        play(partnership);
      }
    }
  }

  private void play(JsonNode partnership) {
    ProcessInstance instance = access.actingAs(partnership.get("catalyst").asText(),
        () -> runtime.startProcessInstanceByKey(PROCESS, variables(partnership.get("start"))));
    for (JsonNode step : partnership.get("steps")) {
      if (step.has("timer")) {
        management.executeJob(management.createJobQuery().processInstanceId(instance.getId())
            .activityId(step.get("timer").asText()).singleResult().getId());
        continue;
      }
      List<Task> open = tasks.createTaskQuery().processInstanceId(instance.getId())
          .taskDefinitionKey(step.get("task").asText()).list();
      if (open.isEmpty()) {
        throw new IllegalStateException(FILE + " : aucune tâche " + step.get("task").asText() + " ouverte");
      }
      for (Task task : step.path("each").asBoolean() ? open : open.subList(0, 1)) {
        tasks.complete(task.getId(), variables(step.get("values")));
      }
    }
  }

  /** Form values as Tasklist submits them: lists and objects as JSON variables. */
  private static Map<String, Object> variables(JsonNode values) {
    Map<String, Object> variables = new HashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext();) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode value = field.getValue();
      Object converted;
      if (value.isContainerNode()) {
        converted = FormValues.json(JSON.convertValue(value, Object.class));
      } else if (value.isIntegralNumber()) {
        converted = value.asLong();
      } else if (value.isBoolean()) {
        converted = value.asBoolean();
      } else {
        converted = value.asText();
      }
      variables.put(field.getKey(), converted);
    }
    return variables;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode read() {
    try {
      return JSON.readTree(new ClassPathResource(FILE).getInputStream());
    } catch (IOException unreadable) {
      throw new UncheckedIOException(unreadable);
    }
  }
}
