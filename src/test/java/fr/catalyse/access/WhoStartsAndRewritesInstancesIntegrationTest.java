package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.partnership.PartnershipRepository;
import fr.catalyse.partnership.PartnershipScenario;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Who starts an instance, where, and who may start one elsewhere than at its start event
 * or rewrite a running one — over /engine-rest with Basic credentials and over the
 * webapps' API with Tasklist's session and CSRF token. The test directory: cat.alpha and
 * cat2.alpha are catalysts of alpha, cat.beta of beta, prog.test is in the programme
 * team, admin is the operator.
 */
class WhoStartsAndRewritesInstancesIntegrationTest extends IntegrationTestSupport {

    static final String START = "/engine-rest/process-definition/key/partnership-lifecycle/start";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";
    static final String OPERATOR_ONLY = "Opération réservée à l'opérateur de Catalyse";
    static final String REFUSED_START = "Lancement refusé";

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    PartnershipRepository partnerships;

    @BeforeEach
    void directory() {
        registerTestDirectory();
    }

    @Test
    void aCatalystStartsAPartnershipInTheirTerritoryAndIsRecordedAsItsInitiatorAndCatalystInCharge() {
        String name = unique("Vergers d'Alpha");
        var started = rest().as("cat.alpha").post(START, Map.of("variables", startVariables(name, "alpha")));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        String instance = started.json().get("id").asText();

        var record = partnerships.findByProcessInstanceId(instance).orElseThrow();
        assertThat(record.getCatalystUserId()).isEqualTo("cat.alpha");
        assertThat(engine.getRuntimeService().getVariable(instance, "initiator")).isEqualTo("cat.alpha");
        assertThat(engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getTenantId()).isEqualTo("alpha");
        assertThat(engine.getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(instance)
            .singleResult()
            .getStartUserId()).isEqualTo("cat.alpha");
    }

    @Test
    void namingOneselfAsInitiatorIsHarmlessAndTheProgrammeTeamStartsInAnyTerritoryWithoutTakingCharge() {
        String own = unique("Initiatrice déclarée");
        var self = rest().as("cat.alpha")
            .post(START, Map.of("variables", withInitiator(startVariables(own, "alpha"), "cat.alpha")));
        assertThat(self.status()).as(self.toString()).isEqualTo(200);
        assertThat(
                partnerships.findByProcessInstanceId(self.json().get("id").asText()).orElseThrow().getCatalystUserId())
            .isEqualTo("cat.alpha");

        String programme = unique("Lancé par le programme");
        var anywhere = rest().as("prog.test").post(START, Map.of("variables", startVariables(programme, "beta")));
        assertThat(anywhere.status()).as(anywhere.toString()).isEqualTo(200);
        var record = partnerships.findByProcessInstanceId(anywhere.json().get("id").asText()).orElseThrow();
        assertThat(record.getCatalystUserId()).isNull();
        assertThat(engine.getRuntimeService().getVariable(anywhere.json().get("id").asText(), "initiator"))
            .isEqualTo("prog.test");

        // Only a spreading the engine starts links a partnership to its origin: a
        // caller's "spreadFrom" is
        // no field of the start form, refused before the engine sees it
        // (forms.FormSubmissions).
        String pretended = unique("Essaimage prétendu");
        Map<String, Object> claimed = startVariables(pretended, "alpha");
        claimed.put("spreadFrom", Map.of("value", record.getId(), "type", "Long"));
        var linked = rest().as("cat.alpha").post(START, Map.of("variables", claimed));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(400);
        assertThat(linked.json().get("message").asText()).contains("« spreadFrom »");
        assertThat(instancesNamed(pretended)).isZero();
    }

    @Test
    void aCatalystCannotStartInAnotherTerritoryNotEvenByNamingOneOfItsCatalystsAsInitiator() {
        String forged = unique("Initiateur forgé");
        var asSomeoneElse = rest().as("cat.beta")
            .post(START, Map.of("variables", withInitiator(startVariables(forged, "alpha"), "cat.alpha")));
        assertThat(asSomeoneElse.status()).as(asSomeoneElse.toString()).isEqualTo(403);
        assertThat(asSomeoneElse.json().get("message").asText()).startsWith(REFUSED_START).contains("« cat.alpha »");

        var elsewhere = rest().as("cat.beta").post(START, Map.of("variables", startVariables(forged, "alpha")));
        assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(403);
        assertThat(elsewhere.json().get("message").asText()).isEqualTo(
                "Lancement refusé : vous n'êtes pas catalyseur territorial du territoire « alpha ». Seuls ses catalyseurs "
                        + "et l'équipe programme peuvent y lancer « Cycle de vie d'un partenariat ».");

        var ownTerritoryOtherInitiator = rest().as("cat2.alpha")
            .post(START, Map.of("variables", withInitiator(startVariables(forged, "alpha"), "cat.alpha")));
        assertThat(ownTerritoryOtherInitiator.status()).as(ownTerritoryOtherInitiator.toString()).isEqualTo(403);

        var withoutTerritory = rest().as("cat.beta").post(START, Map.of("variables", startVariables(forged, null)));
        assertThat(withoutTerritory.status()).as(withoutTerritory.toString()).isEqualTo(403);
        assertThat(withoutTerritory.json().get("message").asText())
            .startsWith(REFUSED_START + " : indiquez le territoire");

        assertThat(instancesNamed(forged)).isZero();
    }

    @Test
    void startInstructionsAndSkipFlagsAreTheOperatorsEvenInOnesOwnTerritory() {
        String name = unique("Départ au milieu");
        for (String[] attempt : new String[][] { { "cat.alpha", "beta" }, { "cat.alpha", "alpha" },
                { "prog.test", "alpha" } }) {
            var refused = rest().as(attempt[0]).post(START, startAtDiagnostic(name, attempt[1]));
            assertThat(refused.status()).as(attempt[0] + " in " + attempt[1] + " → " + refused).isEqualTo(403);
            assertThat(refused.json().get("message").asText()).startsWith(OPERATOR_ONLY)
                .contains("instructions de départ");
        }
        assertThat(instancesNamed(name)).isZero();

        var operator = rest().as(RestCalls.ADMIN).post(START, startAtDiagnostic(name, "alpha"));
        assertThat(operator.status()).as(operator.toString()).isEqualTo(200);
        String instance = operator.json().get("id").asText();
        assertThat(engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .singleResult()
            .getTaskDefinitionKey()).isEqualTo("Task_SharedDiagnostic");
        engine.getRuntimeService().deleteProcessInstance(instance, "test", true, true, true);
    }

    @Test
    void onlyTheOperatorModifiesAnInstanceEvenOneOfTheParticipantsOwnTerritory() {
        String instance = new PartnershipScenario(engine, access).start(unique("À modifier")).id();
        Map<String, Object> modification = Map.of("skipCustomListeners", true, "skipIoMappings", true, "instructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_MapStakeholders")));
        for (String participant : List.of("cat.alpha", "prog.test")) {
            var refused = rest().as(participant)
                .post("/engine-rest/process-instance/" + instance + "/modification", modification);
            assertThat(refused.status()).as(participant + " → " + refused).isEqualTo(403);
            if (participant.equals("prog.test")) {
                assertThat(refused.json().get("message").asText()).startsWith(OPERATOR_ONLY)
                    .contains("modifier une instance");
            }
        }
        var batch = rest().as("prog.test")
            .post("/engine-rest/modification/execute", Map.of("processDefinitionId", definitionId(),
                    "processInstanceIds", List.of(instance), "instructions", modification.get("instructions")));
        assertThat(batch.status()).as(batch.toString()).isEqualTo(403);
        assertThat(openTasks(instance)).containsExactly("Task_SharedDiagnostic");

        var operator = rest().as(RestCalls.ADMIN)
            .post("/engine-rest/process-instance/" + instance + "/modification", modification);
        assertThat(operator.status()).as(operator.toString()).isEqualTo(204);
        assertThat(openTasks(instance)).containsExactlyInAnyOrder("Task_SharedDiagnostic", "Task_MapStakeholders");
    }

    @Test
    void restartMigrationMessagesAndSignalsAreRefusedToEveryoneButTheOperator() {
        String name = unique("À redémarrer");
        String instance = new PartnershipScenario(engine, access).start(name).id();
        engine.getRuntimeService().deleteProcessInstance(instance, "annulé pour le test");
        // Without the model's listeners, which would refuse to replay a registration that
        // already happened.
        Map<String, Object> restart = Map.of("processInstanceIds", List.of(instance), "skipCustomListeners", true,
                "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SharedDiagnostic")));
        String restartPath = "/engine-rest/process-definition/" + definitionId() + "/restart";

        var refused = rest().as("prog.test").post(restartPath, restart);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("message").asText()).startsWith(OPERATOR_ONLY).contains("redémarrer");
        assertThat(rest().as("cat.alpha").post(restartPath, restart).status()).isEqualTo(403);
        assertThat(rest().as("prog.test").post(restartPath + "-async", restart).status()).isEqualTo(403);

        String running = new PartnershipScenario(engine, access).start(unique("À migrer")).id();
        var migration = rest().as("prog.test")
            .post("/engine-rest/migration/execute", Map.of("processInstanceIds", List.of(running), "migrationPlan",
                    Map.of("sourceProcessDefinitionId", definitionId(), "targetProcessDefinitionId", definitionId(),
                            "instructions", List.of(Map.of("sourceActivityIds", List.of("Task_SharedDiagnostic"),
                                    "targetActivityIds", List.of("Task_SharedDiagnostic"))))));
        assertThat(migration.status()).as(migration.toString()).isEqualTo(403);
        assertThat(migration.json().get("message").asText()).startsWith(OPERATOR_ONLY).contains("migrer");

        var message = rest().as("cat.alpha")
            .post("/engine-rest/message", Map.of("messageName", "relance", "all", true));
        assertThat(message.status()).as(message.toString()).isEqualTo(403);
        assertThat(message.json().get("message").asText()).startsWith(OPERATOR_ONLY).contains("message");
        assertThat(rest().as("prog.test").post("/engine-rest/signal", Map.of("name", "relance")).status())
            .isEqualTo(403);

        var operator = rest().as(RestCalls.ADMIN).post(restartPath, restart);
        assertThat(operator.status()).as(operator.toString()).isEqualTo(204);
        String restarted = engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionId(definitionId())
            .variableValueEquals("partnershipName", name)
            .singleResult()
            .getId();
        assertThat(openTasks(restarted)).containsExactly("Task_SharedDiagnostic");
    }

    @Test
    void tasklistsApiAppliesTheSameRulesToASignedInSession() throws Exception {
        String forged = unique("Forgé depuis Tasklist");
        WebappSession beta = WebappSession.signIn("http://localhost:" + port, "cat.beta");
        var submitted = beta.post(WEBAPP_ENGINE + "/process-definition/key/partnership-lifecycle/submit-form",
                Map.of("variables", withInitiator(startVariables(forged, "alpha"), "cat.alpha")));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(403);
        assertThat(submitted.body()).contains(REFUSED_START);
        var elsewhere = beta.post(WEBAPP_ENGINE + "/process-definition/key/partnership-lifecycle/submit-form",
                Map.of("variables", startVariables(forged, "alpha")));
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(403);

        WebappSession alpha = WebappSession.signIn("http://localhost:" + port, "cat.alpha");
        var atDiagnostic = alpha.post(WEBAPP_ENGINE + "/process-definition/key/partnership-lifecycle/start",
                startAtDiagnostic(forged, "alpha"));
        assertThat(atDiagnostic.statusCode()).as(atDiagnostic.body()).isEqualTo(403);
        assertThat(atDiagnostic.body()).contains(OPERATOR_ONLY);
        assertThat(instancesNamed(forged)).isZero();

        String name = unique("Lancé depuis Tasklist");
        var own = alpha.post(WEBAPP_ENGINE + "/process-definition/key/partnership-lifecycle/submit-form",
                Map.of("variables", startVariables(name, "alpha")));
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        String instance = new ObjectMapper().readTree(own.body()).get("id").asText();
        assertThat(partnerships.findByProcessInstanceId(instance).orElseThrow().getCatalystUserId())
            .isEqualTo("cat.alpha");
    }

    // --- helpers
    // -------------------------------------------------------------------------------

    private static Map<String, Object> startVariables(String name, String territory) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("partnershipName", text(name));
        if (territory != null) {
            variables.put("territory", text(territory));
        }
        variables.put("partnershipKind", text("mecenat"));
        variables.put("objectives", Map.of("value", "[\"attractivite\"]", "type", "Json"));
        variables.put("fragilities", Map.of("value", "[\"emploi\"]", "type", "Json"));
        return variables;
    }

    private static Map<String, Object> withInitiator(Map<String, Object> variables, String initiator) {
        variables.put("initiator", text(initiator));
        return variables;
    }

    /**
     * Straight to the first task, past the start form and the registration, bringing what
     * it would have set.
     */
    private static Map<String, Object> startAtDiagnostic(String name, String territory) {
        Map<String, Object> variables = startVariables(name, territory);
        variables.put("catalyst", Map.of("type", "Null"));
        return Map.of("variables", variables, "skipCustomListeners", true, "skipIoMappings", true, "startInstructions",
                List.of(Map.of("type", "startBeforeActivity", "activityId", "Task_SharedDiagnostic")));
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private long instancesNamed(String name) {
        return engine.getHistoryService()
            .createHistoricProcessInstanceQuery()
            .variableValueEquals("partnershipName", name)
            .count();
    }

    private String definitionId() {
        return engine.getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey("partnership-lifecycle")
            .latestVersion()
            .singleResult()
            .getId();
    }

    private List<String> openTasks(String instance) {
        return engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .list()
            .stream()
            .map(task -> task.getTaskDefinitionKey())
            .toList();
    }

    /**
     * Signed in to Tasklist as a browser is: session cookie, and the CSRF token the
     * webapps hand out.
     */
    record WebappSession(String base, HttpClient browser, CookieManager cookies) {

        static WebappSession signIn(String base, String user) throws IOException, InterruptedException {
            CookieManager cookies = new CookieManager();
            WebappSession session = new WebappSession(base, HttpClient.newBuilder().cookieHandler(cookies).build(),
                    cookies);
            String csrf = session.csrf(session.browser.send(
                    HttpRequest.newBuilder(URI.create(base + "/camunda/app/tasklist/default/")).build(),
                    HttpResponse.BodyHandlers.discarding()));
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
            var login = session.browser
                .send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/tasklist"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-XSRF-TOKEN", csrf)
                    .header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(login.statusCode()).as("connexion de " + user + " : " + login.body()).isEqualTo(200);
            return session;
        }

        HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
            // The login gave the session a new id; the webapps hand its CSRF token out
            // with any answer.
            String csrf = csrf(
                    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/")).build(),
                            HttpResponse.BodyHandlers.discarding()));
            return browser.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("X-XSRF-TOKEN", csrf)
                .header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
                .build(), HttpResponse.BodyHandlers.ofString());
        }

        private String csrf(HttpResponse<?> answer) {
            return answer.headers()
                .firstValue("X-XSRF-TOKEN")
                .orElseGet(() -> cookies.getCookieStore()
                    .getCookies()
                    .stream()
                    .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue)
                    .findFirst()
                    .orElseThrow());
        }
    }

}
