package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The identity model on a small real flow over HTTP: a task offered to the catalysts of one
 * territory is seen and worked by them only; the programme team and the committee see every territory.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TerritoryIsolationIntegrationTest extends IntegrationTestSupport {

  @Autowired
  RepositoryService repository;

  @Autowired
  TaskService tasks;

  String alphaTask;
  String betaTask;

  @BeforeAll
  void twoTerritoriesWithOneTaskEach() {
    registerTestDirectory();
    BpmnModelInstance probe = Bpmn.createExecutableProcess("isolation-probe").name("Sonde d'isolement")
        .camundaHistoryTimeToLive(1)
        .startEvent().userTask("Task_Probe").name("Tâche de sonde").camundaCandidateGroups("catalyseurs.${territory}")
        .endEvent().done();
    repository.createDeployment().name("isolation-probe").addModelInstance("isolation-probe.bpmn", probe).deploy();
    alphaTask = startProbeIn("alpha");
    betaTask = startProbeIn("beta");
  }

  private String startProbeIn(String territory) {
    var started = rest().as("admin").post("/engine-rest/process-definition/key/isolation-probe/start",
        Map.of("businessKey", "sonde-" + territory, "variables", Map.of("territory", Map.of("value", territory))));
    assertThat(started.status()).as(started.toString()).isEqualTo(200);
    assertThat(started.json().get("tenantId").asText()).isEqualTo(territory);
    return tasks.createTaskQuery().processInstanceId(started.json().get("id").asText()).singleResult().getId();
  }

  @Test
  void aCatalystListsOnlyTheTasksOfTheirTerritory() {
    assertThat(visibleProbeTasks("cat.alpha")).containsExactly(alphaTask);
    assertThat(visibleProbeTasks("cat.beta")).containsExactly(betaTask);
  }

  @Test
  void anotherRoleOfTheSameTerritorySeesNothing() {
    assertThat(visibleProbeTasks("elu.alpha")).isEmpty();
    assertThat(rest().as("elu.alpha").get("/engine-rest/task/" + alphaTask).status()).isIn(403, 404);
  }

  @Test
  void theProgrammeTeamAndTheCommitteeSeeEveryTerritory() {
    assertThat(visibleProbeTasks("prog.test")).containsExactlyInAnyOrder(alphaTask, betaTask);
    assertThat(visibleProbeTasks("comite.test")).containsExactlyInAnyOrder(alphaTask, betaTask);
  }

  @Test
  void aTaskOfAnotherTerritoryCannotBeReadNorWorkedEvenByItsId() {
    var caller = rest().as("cat.alpha");
    assertThat(caller.get("/engine-rest/task/" + betaTask).status()).isIn(403, 404);
    assertThat(caller.get("/engine-rest/task/" + betaTask + "/variables").status()).isIn(403, 404);
    assertThat(caller.post("/engine-rest/task/" + betaTask + "/claim", Map.of("userId", "cat.alpha")).status()).isIn(403, 404);
    assertThat(caller.post("/engine-rest/task/" + betaTask + "/complete", Map.of()).status()).isIn(403, 404);
    assertThat(tasks.createTaskQuery().taskId(betaTask).singleResult().getAssignee()).isNull();
  }

  @Test
  void aCatalystClaimsATaskOfTheirTerritory() {
    var claimed = rest().as("cat2.alpha").post("/engine-rest/task/" + alphaTask + "/claim", Map.of("userId", "cat2.alpha"));
    assertThat(claimed.status()).as(claimed.toString()).isEqualTo(204);
    assertThat(tasks.createTaskQuery().taskId(alphaTask).singleResult().getAssignee()).isEqualTo("cat2.alpha");
    tasks.setAssignee(alphaTask, null);
  }

  private List<String> visibleProbeTasks(String userId) {
    var response = rest().as(userId).get("/engine-rest/task?processDefinitionKey=isolation-probe");
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return StreamSupport.stream(response.json().spliterator(), false).map(task -> task.get("id").asText()).toList();
  }
}
