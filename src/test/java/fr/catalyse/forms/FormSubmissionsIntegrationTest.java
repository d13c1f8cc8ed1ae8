package fr.catalyse.forms;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant's submission carries their form's fields and nothing more, of bounded
 * size, through /engine-rest and through Tasklist's own API; the operator, who repairs
 * instances, is not bound by the form.
 */
class FormSubmissionsIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    String instance;

    String diagnostic;

    @BeforeEach
    void aPartnershipWaitingForItsDiagnostic() {
        registerTestDirectory();
        var started = rest().as("cat.alpha")
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start",
                    Map.of("variables",
                            Map.of("partnershipName", text("Champs du formulaire"), "territory", text("alpha"),
                                    "partnershipKind", text("mecenat"), "objectives", json("[\"attractivite\"]"),
                                    "fragilities", json("[\"emploi\"]"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        instance = started.json().get("id").asText();
        diagnostic = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @Test
    void aCompletionCarryingAVariableTheFormDoesNotHaveIsRefusedAndNothingIsStored() {
        var forged = rest().as("cat.alpha")
            .post("/engine-rest/task/" + diagnostic + "/submit-form",
                    Map.of("variables",
                            Map.of("territoryAssets", text("Un tissu associatif dense et engagé."), "keyActors",
                                    text("La mairie, trois associations"), "fragilities", json("[\"emploi\"]"),
                                    "invitedTerritories", json("[\"beta\"]"))));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.json().get("message").asText()).isEqualTo(
                "Envoi refusé : ce formulaire n'a pas de champ « invitedTerritories ». Seuls les champs du formulaire sont acceptés.");
        assertThat(engine.getTaskService().createTaskQuery().taskId(diagnostic).count()).isOne();
        assertThat(engine.getRuntimeService().getVariable(instance, "invitedTerritories")).isNull();
    }

    @Test
    void aSubmissionOfAMegabyteIsRefusedBeforeTheEngineSeesIt() {
        String megabyte = "x".repeat(1024 * 1024);
        var huge = rest().as("cat.alpha")
            .post("/engine-rest/task/" + diagnostic + "/submit-form",
                    Map.of("variables", Map.of("territoryAssets", text(megabyte))));
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.json().get("message").asText()).startsWith("Envoi refusé : 512 Ko au plus par envoi.");
        assertThat(engine.getTaskService().createTaskQuery().taskId(diagnostic).count()).isOne();
        // Not only forms: any variable write through the API is bounded.
        assertThat(rest().as("admin")
            .put("/engine-rest/process-instance/" + instance + "/variables/notes",
                    Map.of("value", megabyte, "type", "String"))
            .status()).isEqualTo(413);
    }

    @Test
    void aParticipantCannotWriteVariablesOutsideASubmissionWhileTheOperatorCan() {
        Map<String, Object> modification = Map.of("modifications", Map.of("invitedTerritories", json("[\"beta\"]")));
        assertThat(rest().as("cat.alpha").post("/engine-rest/task/" + diagnostic + "/variables", modification).status())
            .isEqualTo(403);
        assertThat(rest().as("cat.alpha")
            .put("/engine-rest/task/" + diagnostic + "/variables/invitedTerritories", json("[\"beta\"]"))
            .status()).isEqualTo(403);
        assertThat(rest().as("cat.alpha")
            .post("/engine-rest/task/" + diagnostic + "/localVariables", modification)
            .status()).isEqualTo(403);
        assertThat(rest().as("cat.alpha")
            .post("/engine-rest/process-instance/" + instance + "/variables", modification)
            .status()).isEqualTo(403);
        assertThat(rest().as("cat.alpha")
            .post("/engine-rest/execution/" + instance + "/localVariables", modification)
            .status()).isEqualTo(403);
        assertThat(engine.getRuntimeService().getVariable(instance, "invitedTerritories")).isNull();
        assertThat(engine.getTaskService().getVariable(diagnostic, "invitedTerritories")).isNull();

        // The participant still reads their task's variables, and the operator still
        // repairs.
        assertThat(rest().as("cat.alpha").get("/engine-rest/task/" + diagnostic + "/variables").status())
            .isEqualTo(200);
        assertThat(rest().as("admin")
            .post("/engine-rest/process-instance/" + instance + "/variables", modification)
            .status()).isEqualTo(204);
        assertThat(engine.getRuntimeService().getVariable(instance, "invitedTerritories")).isNotNull();
    }

    @Test
    void theCatalystCompletesWithTheFormsFieldsAndTheOperatorMayAddARepairVariable() {
        var filled = rest().as("cat.alpha")
            .post("/engine-rest/task/" + diagnostic + "/submit-form",
                    Map.of("variables", Map.of("territoryAssets", text("Un tissu associatif dense et engagé."),
                            "keyActors", text("La mairie, trois associations"), "fragilities", json("[\"emploi\"]"))));
        assertThat(filled.status()).as(filled.body()).isEqualTo(204);
        String map = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

        var repaired = rest().as("admin")
            .post("/engine-rest/task/" + map + "/complete", Map.of("variables", Map.of("candidateOrganisations",
                    json("[\"asso-alpha\"]"), "noteOperateur", text("Reprise après incident"))));
        assertThat(repaired.status()).as(repaired.body()).isEqualTo(204);
        assertThat(engine.getRuntimeService().getVariable(instance, "noteOperateur"))
            .isEqualTo("Reprise après incident");
    }

    @Test
    void tasklistsOwnApiKeepsTheSameRuleForTasksAndStarts() {
        Browser browser = Browser.on(port);
        String csrf = browser.signInToTasklist("cat.alpha", PASSWORD);
        Map<String, String> headers = Map.of("Origin", browser.origin(), "X-XSRF-TOKEN", csrf);
        String api = "/camunda/api/engine/engine/default";

        var forged = browser.postJson(api + "/task/" + diagnostic + "/submit-form",
                "{\"variables\": {\"keyActors\": {\"value\": \"La mairie, trois associations\"}, \"deadline\": {\"value\": \"2020-01-01\"}}}",
                headers);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("ce formulaire n'a pas de champ « deadline »");

        var forgedStart = browser.postJson(api + "/process-definition/key/partnership-lifecycle/submit-form",
                "{\"variables\": {\"partnershipName\": {\"value\": \"Par Tasklist\"}, \"territory\": {\"value\": \"alpha\"},"
                        + " \"spreadFrom\": {\"value\": 1, \"type\": \"Long\"}}}",
                headers);
        assertThat(forgedStart.statusCode()).isEqualTo(400);
        assertThat(forgedStart.body()).contains("« spreadFrom »");

        var filled = browser.postJson(api + "/task/" + diagnostic + "/submit-form",
                "{\"variables\": {" + "\"territoryAssets\": {\"value\": \"Un tissu associatif dense et engagé.\"},"
                        + "\"keyActors\": {\"value\": \"La mairie, trois associations\"},"
                        + "\"fragilities\": {\"value\": \"[\\\"emploi\\\"]\", \"type\": \"Json\"}}}",
                headers);
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

}
