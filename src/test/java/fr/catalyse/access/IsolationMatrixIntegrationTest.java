package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Territory isolation proven over HTTP on the real processes, one row per endpoint and
 * role: a participant of territory alpha against partnerships running in alpha and in
 * beta. A new endpoint or role is one more row.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationMatrixIntegrationTest extends IntegrationTestSupport {

    static final Set<Integer> DENIED = Set.of(403, 404);
    static final Set<Integer> OK = Set.of(200);
    static final Set<Integer> DONE = Set.of(204);

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    Map<String, String> ids;

    @BeforeAll
    void partnershipsInAlphaAndBeta() {
        registerTestDirectory();
        PartnershipScenario alpha = new PartnershipScenario(engine, access).start("Isolation alpha");
        PartnershipScenario alphaAtStakes = new PartnershipScenario(engine, access).start("Isolation alpha, enjeux");
        alphaAtStakes.complete("Task_SharedDiagnostic",
                PartnershipScenario.values("fragilities", PartnershipScenario.json("emploi"), "territoryAssets",
                        "Des atouts solides et reconnus.", "keyActors", "La mairie et ses partenaires."));
        alphaAtStakes.complete("Task_MapStakeholders",
                PartnershipScenario.values("candidateOrganisations", PartnershipScenario.json("asso-alpha")));
        alphaAtStakes.complete("Task_AcquaintanceMeeting", PartnershipScenario.values("meetingDate", "2027-01-15",
                "attendeeCount", 4, "meetingSummary", "Une première rencontre utile."));
        var beta = engine.getRuntimeService();
        String betaInstance = access.actingAs("cat.beta",
                () -> beta.startProcessInstanceByKey("partnership-lifecycle",
                        Map.of("partnershipName", "Isolation bêta", "territory", "beta", "partnershipKind", "mecenat",
                                "objectives", PartnershipScenario.json("attractivite"), "fragilities",
                                PartnershipScenario.json("emploi"))))
            .getId();
        ids = Map.of("{alphaTask}", alpha.task("Task_SharedDiagnostic").getId(), "{alphaInstance}", alpha.id(),
                "{alphaGroupTask}", alphaAtStakes.task("Task_ValidateSharedStakes").getId(), "{betaTask}",
                engine.getTaskService().createTaskQuery().processInstanceId(betaInstance).singleResult().getId(),
                "{betaInstance}", betaInstance);
    }

    static Stream<Arguments> rows() {
        return Stream.of(row("another territory's task", "cat.alpha", "GET", "/task/{betaTask}", DENIED),
                row("its variables", "cat.alpha", "GET", "/task/{betaTask}/variables", DENIED),
                row("its form", "cat.alpha", "GET", "/task/{betaTask}/form", DENIED),
                row("its deployed form", "cat.alpha", "GET", "/task/{betaTask}/deployed-form", DENIED),
                row("its process instance", "cat.alpha", "GET", "/process-instance/{betaInstance}", DENIED),
                row("its process variables", "cat.alpha", "GET", "/process-instance/{betaInstance}/variables", DENIED),
                row("its history", "cat.alpha", "GET", "/history/process-instance/{betaInstance}", DENIED),
                row("completing it", "cat.alpha", "POST", "/task/{betaTask}/complete", DENIED),
                row("submitting its form", "cat.alpha", "POST", "/task/{betaTask}/submit-form", DENIED),
                row("claiming it", "cat.alpha", "POST", "/task/{betaTask}/claim", DENIED),
                row("taking it over", "cat.alpha", "POST", "/task/{betaTask}/assignee", DENIED),
                row("another role's task of the same territory", "elu.alpha", "GET", "/task/{alphaTask}", DENIED),
                row("completing another role's task", "elu.alpha", "POST", "/task/{alphaTask}/complete", DENIED),
                row("claiming another role's task", "asso.alpha", "POST", "/task/{alphaGroupTask}/claim", DENIED),
                row("handing one's own task to someone else", "cat.alpha", "POST", "/task/{alphaTask}/assignee",
                        Set.of(403)),
                row("reading one's own task", "cat.alpha", "GET", "/task/{alphaTask}", OK),
                row("its form", "cat.alpha", "GET", "/task/{alphaTask}/deployed-form", OK),
                row("claiming a task of one's group", "elu.alpha", "POST", "/task/{alphaGroupTask}/claim", DONE),
                row("the programme team reads any territory", "prog.test", "GET", "/task/{betaTask}", OK),
                row("and its history", "prog.test", "GET", "/history/process-instance/{betaInstance}", OK),
                row("the steering committee reads any territory", "comite.test", "GET",
                        "/process-instance/{betaInstance}", OK),
                row("anonymous callers", null, "GET", "/task/{alphaTask}", Set.of(401)));
    }

    static Arguments row(String what, String user, String method, String path, Set<Integer> expected) {
        return Arguments.of(what, user, method, path, expected);
    }

    @ParameterizedTest(name = "{0}: {1} {2} {3}")
    @MethodSource("rows")
    void everyEndpointAnswersEachRoleAsItShould(String what, String user, String method, String path,
            Set<Integer> expected) {
        String resolved = path;
        for (var id : ids.entrySet()) {
            resolved = resolved.replace(id.getKey(), id.getValue());
        }
        var caller = user == null ? rest() : rest().as(user);
        var response = "GET".equals(method) ? caller.get("/engine-rest" + resolved)
                : caller.post("/engine-rest" + resolved, resolved.endsWith("assignee") ? Map.of("userId", "asso.alpha")
                        : resolved.endsWith("claim") ? Map.of("userId", user) : Map.of());
        assertThat(response.status()).as(what + " → " + response).isIn(expected);
    }

    static Stream<Arguments> lists() {
        return Stream.of(Arguments.of("/task", "cat.alpha"), Arguments.of("/process-instance", "cat.alpha"),
                Arguments.of("/history/task?processInstanceId={betaInstance}", "cat.alpha"),
                Arguments.of("/history/process-instance?processInstanceId={betaInstance}", "cat.alpha"),
                Arguments.of("/variable-instance?processInstanceIdIn={betaInstance}", "cat.alpha"),
                Arguments.of("/task?processInstanceId={betaInstance}", "elu.alpha"));
    }

    @ParameterizedTest(name = "{1} lists {0}")
    @MethodSource("lists")
    void listsNeverShowAnotherTerritory(String path, String user) {
        String resolved = path.replace("{betaInstance}", ids.get("{betaInstance}"));
        var response = rest().as(user).get("/engine-rest" + resolved);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).doesNotContain(ids.get("{betaInstance}")).doesNotContain(ids.get("{betaTask}"));
    }

    /**
     * The other half of the matrix: a list that hides another territory still shows one's
     * own work.
     */
    static Stream<Arguments> ownLists() {
        return Stream.of(Arguments.of("/task?maxResults=1000", "cat.alpha", List.of("{alphaTask}")),
                Arguments.of("/task?maxResults=1000", "elu.alpha", List.of("{alphaGroupTask}")),
                Arguments.of("/task?maxResults=1000", "prog.test",
                        List.of("{alphaTask}", "{betaTask}", "{alphaGroupTask}")),
                Arguments.of("/history/process-instance?maxResults=1000", "prog.test",
                        List.of("{alphaInstance}", "{betaInstance}")),
                Arguments.of("/process-instance?maxResults=1000", "comite.test",
                        List.of("{alphaInstance}", "{betaInstance}")),
                Arguments.of("/task?maxResults=1000", "cat.beta", List.of("{betaTask}")));
    }

    @ParameterizedTest(name = "{1} lists {0} with its own work")
    @MethodSource("ownLists")
    void listsShowWhatTheRoleWorksOn(String path, String user, List<String> expected) {
        var response = rest().as(user).get("/engine-rest" + path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains(expected.stream().map(ids::get).toArray(String[]::new));
    }

    static Stream<Arguments> webapps() {
        return Stream.of(Arguments.of("cat.alpha", "tasklist", true), Arguments.of("cat.alpha", "cockpit", false),
                Arguments.of("cat.alpha", "admin", false), Arguments.of("elu.alpha", "cockpit", false),
                Arguments.of("comite.test", "cockpit", false), Arguments.of("prog.test", "cockpit", true),
                Arguments.of("prog.test", "admin", true), Arguments.of("prog.test", "tasklist", true));
    }

    @ParameterizedTest(name = "{0} opens {1}: {2}")
    @MethodSource("webapps")
    void onlyTheProgrammeTeamOpensCockpitAndAdmin(String user, String app, boolean allowed) throws Exception {
        assertThat(webappLogin(user, app)).isEqualTo(allowed ? 200 : 403);
    }

    /**
     * Logs into a webapp as a browser does: session cookie, CSRF token from a first page,
     * then the form.
     */
    private int webappLogin(String user, String app) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        var page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = page.headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseGet(() -> cookies.getCookieStore()
                .getCookies()
                .stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow());
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        return browser
            .send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/" + app))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.discarding())
            .statusCode();
    }

}
