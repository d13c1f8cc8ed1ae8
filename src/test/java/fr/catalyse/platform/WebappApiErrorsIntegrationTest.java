package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist's own API answers a form violation and another territory's task as
 * /engine-rest does: in French, 400 and 403.
 */
class WebappApiErrorsIntegrationTest extends IntegrationTestSupport {

    private static final String API = "/camunda/api/engine/engine/default";

    @Autowired
    ProcessEngine engine;

    String diagnostic;

    @BeforeEach
    void aDiagnosticWaitsInAlpha() {
        registerTestDirectory();
        var started = rest().as("cat.alpha")
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start",
                    Map.of("variables",
                            Map.of("partnershipName", Map.of("value", "Erreurs des webapps"), "territory",
                                    Map.of("value", "alpha"), "partnershipKind", Map.of("value", "mecenat"),
                                    "objectives", Map.of("value", "[\"attractivite\"]", "type", "Json"), "fragilities",
                                    Map.of("value", "[\"emploi\"]", "type", "Json"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        diagnostic = engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(started.json().get("id").asText())
            .singleResult()
            .getId();
    }

    @Test
    void aFormViolationInTasklistIsAFrench400AndTheTaskStaysOpen() {
        Browser browser = Browser.on(port);
        String csrf = browser.signInToTasklist("cat.alpha", PASSWORD);
        var violation = browser.postJson(API + "/task/" + diagnostic + "/submit-form",
                "{\"variables\": {\"territoryAssets\": {\"value\": \"court\"}}}",
                Map.of("Origin", browser.origin(), "X-XSRF-TOKEN", csrf));
        assertThat(violation.statusCode()).as(violation.body()).isEqualTo(400);
        assertThat(violation.body()).contains("Formulaire incomplet ou invalide", "« Acteurs clés")
            .doesNotContain("ENGINE-");
        assertThat(engine.getTaskService().createTaskQuery().taskId(diagnostic).count()).isOne();
    }

    @Test
    void anotherTerritorysTaskInTasklistIsAFrench403WhileItsOwnCatalystCompletesIt() {
        Browser beta = Browser.on(port);
        String betaCsrf = beta.signInToTasklist("cat.beta", PASSWORD);
        Map<String, String> headers = Map.of("Origin", beta.origin(), "X-XSRF-TOKEN", betaCsrf);
        for (var foreign : java.util.List.of(
                beta.postJson(API + "/task/" + diagnostic + "/claim", "{\"userId\": \"cat.beta\"}", headers),
                beta.postJson(API + "/task/" + diagnostic + "/submit-form", "{\"variables\": {}}", headers),
                beta.get(API + "/task/" + diagnostic + "/form-variables"),
                beta.get(API + "/task/" + diagnostic + "/variables"))) {
            assertThat(foreign.statusCode()).as(foreign.uri() + " " + foreign.body()).isIn(403, 404);
            assertThat(foreign.body()).as(foreign.uri().toString()).doesNotContain("ENGINE-");
        }

        Browser alpha = Browser.on(port);
        String csrf = alpha.signInToTasklist("cat.alpha", PASSWORD);
        var filled = alpha.postJson(API + "/task/" + diagnostic + "/submit-form",
                "{\"variables\": {" + "\"territoryAssets\": {\"value\": \"Un tissu associatif dense et engagé.\"},"
                        + "\"keyActors\": {\"value\": \"La mairie, trois associations\"},"
                        + "\"fragilities\": {\"value\": \"[\\\"emploi\\\"]\", \"type\": \"Json\"}}}",
                Map.of("Origin", alpha.origin(), "X-XSRF-TOKEN", csrf));
        assertThat(filled.statusCode()).as(filled.body()).isEqualTo(204);
    }

}
