package fr.catalyse.versions;

import static fr.catalyse.partnership.PartnershipScenario.ASSOCIATION;
import static fr.catalyse.partnership.PartnershipScenario.COMPANY;
import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.partnership.PartnershipRepository;
import fr.catalyse.partnership.PartnershipScenario;
import fr.catalyse.partnership.PartnershipStage;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme team moves partnerships waiting in each stage of the lifecycle from
 * version 1 (the released model) to a version 2 that renames the funding decision's
 * activity and adds a task to the evaluation, over HTTP: dry runs, a run where the
 * instance the plan cannot place stays whole on version 1, the rest migrated with their
 * timers and reminders; then all of them finish on version 2.
 */
class InstanceMigrationIntegrationTest extends IntegrationTestSupport {

    static final String KEY = "partnership-lifecycle";
    static final String PATH = "/api/migrations/" + KEY;
    static final Map<String, String> RENAMED = Map.of("Task_FundingDecision", "Task_DecideFunding");

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    PartnershipRepository partnerships;

    ModelDeployments deployments;

    ProcessDefinition v1;

    ProcessDefinition v2;

    @BeforeEach
    void versionOneAndVersionTwoBesideTodaysModels() {
        registerTestDirectory();
        deployments = new ModelDeployments(engine);
        v1 = deployments.definition(deployments.released(1), KEY);
        v2 = deployments.definition(deployments.deploy("Cycle de vie, version 2 (test)",
                "classpath*:versions/v2/*.bpmn", "classpath*:versions/v2/*.form", "classpath*:released/1/forms/*.form"),
                KEY);
        deployments.currentAgain();
    }

    @AfterEach
    void removeTheVersions() {
        ClockUtil.reset();
        deployments.close();
    }

    @Test
    void partnershipsInEveryStageMoveToVersionTwoAndFinishThere() {
        Map<String, PartnershipScenario> stages = new LinkedHashMap<>();
        stages.put("dialogue", partnership().startOn(v1.getId(), "Migration — dialogue"));
        stages.put("matchmaking",
                partnership().startOn(v1.getId(), "Migration — mise en relation")
                    .dialogue()
                    .stateNeeds()
                    .propose(ASSOCIATION, COMPANY)
                    .answer(ASSOCIATION, "accepter"));
        stages.put("design",
                partnership().startOn(v1.getId(), "Migration — conception").throughMatchmaking().frame(2).indicators());
        PartnershipScenario support = partnership().startOn(v1.getId(), "Migration — accompagnement")
            .throughDesign(3)
            .planSupport();
        stages.put("support", support.fire(support.timer("StartEvent_MonthStarted")));
        PartnershipScenario evaluation = partnership().startOn(v1.getId(), "Migration — évaluation")
            .throughDesign(1)
            .planSupport();
        stages.put("evaluation", evaluation.fire(evaluation.timer("Timer_SupportPeriodOver")));
        PartnershipScenario dialogue = stages.get("dialogue");
        PartnershipScenario design = stages.get("design");
        Job reminder = dialogue.reminder("Task_SharedDiagnostic");
        Job expiry = stages.get("matchmaking").timer("Timer_MatchExpired");

        // Who may: the programme team (and the operator); a catalyst is refused, an
        // anonymous caller too.
        assertThat(rest().post(PATH, request(true, Map.of())).status()).isEqualTo(401);
        var refused = rest().as("cat.alpha").post(PATH, request(true, RENAMED));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).isEqualTo("Accès réservé : Équipe programme");
        var raw = rest().as("prog.test")
            .post("/engine-rest/migration/execute",
                    Map.of("migrationPlan", Map.of("sourceProcessDefinitionId", v1.getId(), "targetProcessDefinitionId",
                            v2.getId(), "instructions", List.of()), "processInstanceIds", List.of(dialogue.id())));
        assertThat(raw.status()).as("the engine's own migration stays the operator's: " + raw).isEqualTo(403);
        var listed = rest().as("prog.test").get(PATH);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(versions(listed.json())).containsEntry(v1.getVersion(), 5L).containsEntry(v2.getVersion(), 0L);

        // A dry run without the mapping: the instance waiting at the renamed activity
        // cannot move, and says why.
        JsonNode unmapped = migrate(request(true, Map.of()));
        assertThat(unmapped.get("summary").asText())
            .isEqualTo("Essai : 4 instances sur 5 peuvent passer de la version " + v1.getVersion() + " à la version "
                    + v2.getVersion() + " de « Cycle de vie d'un partenariat » ; 1 ne le peut pas "
                    + "(voir ses problèmes). Rien n'a été modifié.");
        assertThat(instance(unmapped, design.id()).get("status").asText()).isEqualTo("FAILED");
        assertThat(instance(unmapped, design.id()).get("problems").get(0).asText())
            .isEqualTo("elle attend à « Décider du "
                    + "financement » (Task_FundingDecision), qui n'existe plus dans la version " + v2.getVersion()
                    + " : ajoutez un mappage de « Task_FundingDecision » vers l'activité qui la remplace.");
        assertThat(onVersion(v1)).as("a dry run changes nothing").hasSize(5);

        // With it, every instance can move: the report says from which activity to which.
        JsonNode rehearsed = migrate(request(true, RENAMED));
        assertThat(texts(rehearsed.get("instances"), "status")).containsOnly("MIGRATABLE").hasSize(5);
        assertThat(texts(rehearsed, "lines"))
            .contains("« alpha / Migration — conception » (" + design.id() + ") : « Décider du "
                    + "financement » (Task_FundingDecision) → « Statuer sur le financement » (Task_DecideFunding).");
        assertThat(line(rehearsed, stages.get("matchmaking").id()))
            .contains("« Accepter ou décliner la mise en relation » "
                    + "(Task_AnswerMatch) → « Accepter ou décliner la mise en relation » (Task_AnswerMatch)");
        assertThat(line(rehearsed, support.id())).contains(
                "« Demander une médiation (si besoin) » (Task_RequestMediation) → ", "(Task_EnterIndicators) → ",
                "(Task_LogSupportActions) → ", "(Timer_SupportPeriodOver) → ");
        assertThat(onVersion(v1)).hasSize(5);
        assertThat(engine.getManagementService().createJobQuery().jobId(reminder.getId()).count())
            .as("reminder untouched")
            .isEqualTo(1);

        // A plan naming an activity that does not exist is refused as a whole, in French.
        var invalid = rest().as("prog.test")
            .post(PATH, request(false, Map.of("Task_Inexistante", "Task_DecideFunding")));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(texts(invalid.json(), "problems"))
            .containsExactly("Mappage « Task_Inexistante » → « Task_DecideFunding » : " + "la version "
                    + v1.getVersion() + " n'a pas d'activité « Task_Inexistante ».");
        assertThat(onVersion(v1)).hasSize(5);

        // A real run without the mapping: four move, the fifth stays whole on version 1.
        JsonNode partly = migrate(request(false, Map.of()));
        assertThat(instance(partly, design.id()).get("status").asText()).isEqualTo("FAILED");
        assertThat(partly.get("summary").asText()).endsWith(
                "4 instances sur 5 sont passées de la version " + v1.getVersion() + " à la version " + v2.getVersion()
                        + " de « Cycle de vie d'un partenariat » ; 1 en échec, restée entière sur la version "
                        + v1.getVersion() + ".");
        assertThat(onVersion(v1)).containsExactly(design.id());
        assertThat(engine.getRuntimeService().createExecutionQuery().processInstanceId(design.id()).list())
            .allSatisfy(execution -> assertThat(definitionOf(execution.getProcessInstanceId())).isEqualTo(v1.getId()));
        assertThat(design.task("Task_FundingDecision").getProcessDefinitionId()).isEqualTo(v1.getId());
        assertThat(design.reminder("Task_FundingDecision").getProcessDefinitionId()).isEqualTo(v1.getId());

        // What moved kept its timers and its reminders, now on version 2.
        assertThat(dialogue.task("Task_SharedDiagnostic").getProcessDefinitionId()).isEqualTo(v2.getId());
        Job kept = dialogue.reminder("Task_SharedDiagnostic");
        assertThat(kept.getDuedate()).isEqualTo(reminder.getDuedate());
        assertThat(kept.getProcessDefinitionId()).isEqualTo(v2.getId());
        Job expiryKept = stages.get("matchmaking").timer("Timer_MatchExpired");
        assertThat(expiryKept.getId()).isEqualTo(expiry.getId());
        assertThat(expiryKept.getProcessDefinitionId()).isEqualTo(v2.getId());

        // The remaining one, alone, with the mapping.
        JsonNode rest = migrate(Map.of("fromVersion", v1.getVersion(), "toVersion", v2.getVersion(), "mappings",
                RENAMED, "instances", List.of(design.id()), "dryRun", false));
        assertThat(texts(rest.get("instances"), "status")).containsExactly("MIGRATED");
        assertThat(versions(rest().as("prog.test").get(PATH).json())).containsEntry(v1.getVersion(), 0L)
            .containsEntry(v2.getVersion(), 5L);
        assertThat(design.reminder("Task_DecideFunding").getProcessDefinitionId()).isEqualTo(v2.getId());

        // Every one of them finishes on version 2, through its new task.
        dialogue.dialogue().stateNeeds().propose(ASSOCIATION).answer(ASSOCIATION, "accepter").frame(1).indicators();
        finishFromFunding(dialogue);
        PartnershipScenario matchmaking = stages.get("matchmaking");
        matchmaking.fire(matchmaking.timer("Timer_MatchExpired")).frame(1).indicators();
        finishFromFunding(matchmaking);
        finishFromFunding(design);
        support.followUpMonth(12);
        finishFromEvaluation(support.fire(support.timer("Timer_SupportPeriodOver")));
        finishFromEvaluation(evaluation);
        for (PartnershipScenario partnership : stages.values()) {
            var ended = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(partnership.id())
                .singleResult();
            assertThat(ended.getEndTime()).as(ended.getBusinessKey() + " ended").isNotNull();
            assertThat(ended.getProcessDefinitionId()).isEqualTo(v2.getId());
            assertThat(ended.getEndActivityId()).isEqualTo("EndEvent_PartnershipClosed");
            assertThat(engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(partnership.id())
                .activityId("Task_ShareLessons")
                .count()).as(ended.getBusinessKey() + " shared its lessons").isEqualTo(1);
            assertThat(partnerships.findByProcessInstanceId(partnership.id()).orElseThrow().getStage())
                .isEqualTo(PartnershipStage.CLOSED);
        }
    }

    private PartnershipScenario partnership() {
        return new PartnershipScenario(engine, access);
    }

    private void finishFromFunding(PartnershipScenario partnership) {
        partnership.fundAt("Task_DecideFunding", "accorde").signAll().planSupport();
        finishFromEvaluation(partnership.fire(partnership.timer("Timer_SupportPeriodOver")));
    }

    private void finishFromEvaluation(PartnershipScenario partnership) {
        partnership.evaluateByPartners()
            .decide("arreter", null)
            .complete("Task_ShareLessons",
                    values("sharedLessons", "Un tiers de confiance et des trajets partagés suffisent à démarrer."));
    }

    private JsonNode migrate(Object body) {
        RestCalls.Response response = rest().as("prog.test").post(PATH, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private Map<String, Object> request(boolean dryRun, Map<String, String> mappings) {
        Map<String, Object> body = new HashMap<>(
                Map.of("fromVersion", v1.getVersion(), "toVersion", v2.getVersion(), "dryRun", dryRun));
        body.put("mappings", mappings);
        return body;
    }

    private List<String> onVersion(ProcessDefinition definition) {
        return engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionId(definition.getId())
            .list()
            .stream()
            .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
            .toList();
    }

    private String definitionOf(String processInstanceId) {
        return engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult()
            .getProcessDefinitionId();
    }

    private static Map<Integer, Long> versions(JsonNode listing) {
        Map<Integer, Long> counts = new HashMap<>();
        listing.get("versions")
            .forEach(version -> counts.put(version.get("version").asInt(), version.get("runningInstances").asLong()));
        return counts;
    }

    private static JsonNode instance(JsonNode report, String id) {
        return StreamSupport.stream(report.get("instances").spliterator(), false)
            .filter(node -> node.get("id").asText().equals(id))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no instance " + id + " in " + report));
    }

    private static String line(JsonNode report, String id) {
        return texts(report, "lines").stream().filter(text -> text.contains("(" + id + ")")).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode node, String field) {
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(item -> item.get(field).asText()).toList();
        }
        return StreamSupport.stream(node.get(field).spliterator(), false).map(JsonNode::asText).toList();
    }

}
