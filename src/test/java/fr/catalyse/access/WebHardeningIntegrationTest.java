package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a page of another site, or a visitor who is not signed in, can make of Catalyse
 * through a browser: no Basic challenge on pages, no state change from a foreign origin,
 * no framing, and no detail of the platform in health or error answers.
 */
class WebHardeningIntegrationTest extends IntegrationTestSupport {

    static final String READER = "asso.alpha";
    static final String ELSEWHERE = "https://ailleurs.exemple";
    static final String FOREIGN_ORIGIN = "Requête refusée : elle a été envoyée depuis une autre origine que Catalyse";

    @BeforeEach
    void directory() {
        registerTestDirectory();
    }

    @AfterEach
    void remindersBackToImmediate() {
        rest().as(READER).put("/api/preferences", Map.of("RAPPELS", "IMMEDIATE"));
    }

    @Test
    void aStateChangingApiCallFromAnotherSiteIsRefusedEvenWithValidCredentialsWhileCatalyseAndScriptsMakeIt() {
        var forged = rest().as(READER).from(ELSEWHERE).put("/api/preferences", Map.of("RAPPELS", "NONE"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("message").asText()).startsWith(FOREIGN_ORIGIN);
        assertThat(remindersOf(READER)).isEqualTo("IMMEDIATE");

        var fromCatalyse = rest().as(READER).from(rest().origin()).put("/api/preferences", Map.of("RAPPELS", "DIGEST"));
        assertThat(fromCatalyse.status()).isEqualTo(200);
        assertThat(remindersOf(READER)).isEqualTo("DIGEST");

        assertThat(rest().as(READER).put("/api/preferences", Map.of("RAPPELS", "NONE")).status()).isEqualTo(200);
        assertThat(remindersOf(READER)).isEqualTo("NONE");
    }

    @Test
    void aCrossSiteTextPlainImportIsRefusedBeforeAnyAccountIsTouched() {
        String csv = "territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role\n"
                + "alpha;Territoire Alpha;;;;intrus.csrf;Ivan;Intrus;intrus@ailleurs.exemple;catalyseur\n";
        var forged = rest().as("prog.test")
            .from(ELSEWHERE)
            .send("/api/participants/import", "text/plain", HttpRequest.BodyPublishers.ofString(csv));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("message").asText()).startsWith(FOREIGN_ORIGIN);
        assertThat(rest().as("admin").get("/engine-rest/user/count?id=intrus.csrf").json().get("count").asInt())
            .isZero();
    }

    @Test
    void aCrossSiteMultipartDeploymentIsRefusedWhileTheOperatorDeploysFromCatalyse() {
        String name = "durcissement-" + UUID.randomUUID().toString().substring(0, 8);
        String boundary = "----catalyse" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n" + "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"note.txt\"; filename=\"note.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nSans modèle.\r\n--" + boundary + "--\r\n";
        String multipart = "multipart/form-data; boundary=" + boundary;

        var forged = rest().as("admin")
            .from(ELSEWHERE)
            .send("/engine-rest/deployment/create", multipart, HttpRequest.BodyPublishers.ofString(body));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(forged.json().get("message").asText()).startsWith(FOREIGN_ORIGIN);
        assertThat(rest().as("admin").get("/engine-rest/deployment/count?name=" + name).json().get("count").asInt())
            .isZero();

        var deployed = rest().as("admin")
            .from(rest().origin())
            .send("/engine-rest/deployment/create", multipart, HttpRequest.BodyPublishers.ofString(body));
        assertThat(deployed.status()).isEqualTo(200);
        assertThat(rest().as("admin").delete("/engine-rest/deployment/" + deployed.json().get("id").asText()).status())
            .isEqualTo(204);
    }

    @Test
    void theOriginMustMatchInSchemeHostAndPortAndNullIsForeign() {
        Browser browser = Browser.on(port).signIn(READER, PASSWORD);
        String localhost = browser.origin();
        int otherPort = port == 65535 ? port - 1 : port + 1;

        for (String origin : new String[] { "null", "http://localhost:" + otherPort, "https://localhost:" + port,
                "http://127.0.0.2:" + port, "pas une origine", "https://catalyse.test:8443", "http://catalyse.test" }) {
            var refused = browser.post("/preferences", Map.of("RAPPELS", "NONE"), Map.of("Origin", origin));
            assertThat(refused.statusCode()).as(origin).isEqualTo(403);
            assertThat(refused.body()).as(origin).contains(FOREIGN_ORIGIN);
        }
        var refererElsewhere = browser.post("/preferences", Map.of("RAPPELS", "NONE"),
                Map.of("Referer", ELSEWHERE + "/piege"));
        assertThat(refererElsewhere.statusCode()).isEqualTo(403);
        assertThat(remindersOf(READER)).isEqualTo("IMMEDIATE");

        assertThat(browser.post("/preferences", Map.of("RAPPELS", "DIGEST"), Map.of("Origin", localhost)).body())
            .contains("Vos préférences sont enregistrées");
        assertThat(remindersOf(READER)).isEqualTo("DIGEST");
        // The public address is what browsers show behind a proxy (catalyse.public-url of
        // the tests).
        assertThat(browser.post("/preferences", Map.of("RAPPELS", "NONE"), Map.of("Origin", "https://catalyse.test"))
            .body()).contains("Vos préférences sont enregistrées");
        assertThat(
                browser.post("/preferences", Map.of("RAPPELS", "DIGEST"), Map.of("Referer", localhost + "/preferences"))
                    .statusCode())
            .isEqualTo(200);
        assertThat(remindersOf(READER)).isEqualTo("DIGEST");
    }

    @Test
    void apiAndEngineCallsFromANullOriginOrAnotherPortOrSchemeAreRefusedWhileCatalysesOwnOriginPasses() {
        int otherPort = port == 65535 ? port - 1 : port + 1;
        for (String origin : new String[] { "null", "http://localhost:" + otherPort, "https://localhost:" + port }) {
            var preferences = rest().as(READER).from(origin).put("/api/preferences", Map.of("RAPPELS", "NONE"));
            assertThat(preferences.status()).as(origin).isEqualTo(403);
            assertThat(preferences.json().get("message").asText()).as(origin).startsWith(FOREIGN_ORIGIN);
            var engine = rest().as(READER).from(origin).post("/engine-rest/process-instance/count", Map.of());
            assertThat(engine.status()).as(origin).isEqualTo(403);
            assertThat(engine.json().get("message").asText()).as(origin).startsWith(FOREIGN_ORIGIN);
        }
        assertThat(remindersOf(READER)).isEqualTo("IMMEDIATE");

        var preferences = rest().as(READER).from(rest().origin()).put("/api/preferences", Map.of("RAPPELS", "DIGEST"));
        assertThat(preferences.status()).isEqualTo(200);
        assertThat(remindersOf(READER)).isEqualTo("DIGEST");
        var engine = rest().as(READER).from(rest().origin()).post("/engine-rest/process-instance/count", Map.of());
        assertThat(engine.status()).isEqualTo(200);
        assertThat(engine.json().has("count")).isTrue();
    }

    @Test
    void pagesSendVisitorsToALoginFormAndNeverAskForBasicCredentials() {
        Browser browser = Browser.on(port);
        var anonymous = browser.get("/preferences");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location"))
            .hasValue("http://localhost:" + port + "/connexion?retour=%2Fpreferences");
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();

        var form = browser.get("/connexion?retour=%2Fpreferences");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Connectez-vous avec votre compte Catalyse", "name=\"motDePasse\"");

        // Another account than READER's: a failed attempt delays that account's next
        // login (throttling).
        var wrong = browser.post("/connexion",
                Map.of("identifiant", "ent.alpha", "motDePasse", "Pas-Le-Bon-2026", "retour", "/preferences"));
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(wrong.body()).contains("Identifiant ou mot de passe incorrect");
        assertThat(browser.get("/preferences").statusCode()).isEqualTo(302);

        var signedIn = browser.post("/connexion",
                Map.of("identifiant", READER, "motDePasse", PASSWORD, "retour", "/preferences"));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).endsWith("/preferences");
        var page = browser.get("/preferences");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Vos préférences de notification", READER);
    }

    @Test
    void theApiAnswersAFrenchUnauthorizedWithoutAChallengeAndNoLongerServesPagesToBasicCredentials() {
        for (String path : new String[] { "/api/preferences", "/engine-rest/task" }) {
            var anonymous = Browser.on(port).get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
            assertThat(anonymous.body()).as(path).contains("Authentification requise");
        }
        var withBasic = rest().as(READER).get("/preferences");
        assertThat(withBasic.status()).isEqualTo(302);
        assertThat(withBasic.location()).contains("/connexion");
    }

    @Test
    void theLoginFormOnlyLeadsBackToPagesOfCatalyse() {
        Browser browser = Browser.on(port);
        var elsewhere = browser.post("/connexion",
                Map.of("identifiant", READER, "motDePasse", PASSWORD, "retour", "//ailleurs.exemple/"));
        assertThat(elsewhere.statusCode()).isEqualTo(302);
        assertThat(elsewhere.headers().firstValue("Location")).hasValue("http://localhost:" + port + "/");
    }

    @Test
    void signingInToTasklistSignsInToCatalysesPagesToo() {
        Browser browser = Browser.on(port);
        // As Tasklist's login screen does: the webapps' CSRF token comes with the first
        // page.
        String csrfToken = browser.get("/camunda/app/tasklist/default/")
            .headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseThrow();
        var tasklist = browser.post("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", READER, "password", PASSWORD),
                Map.of("Origin", browser.origin(), "X-XSRF-TOKEN", csrfToken));
        assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(200);
        var page = browser.get("/preferences");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Vos préférences de notification", READER);
    }

    @Test
    void catalysesPagesMayNotBeFramedNorSniffed() {
        for (String path : new String[] { "/connexion", "/mot-de-passe-oublie", "/mot-de-passe?jeton=inconnu" }) {
            HttpResponse<String> page = Browser.on(port).get(path);
            assertThat(page.statusCode()).as(path).isEqualTo(200);
            assertThat(page.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(page.headers().firstValue("Content-Security-Policy")).as(path)
                .hasValue("frame-ancestors 'none'");
            assertThat(page.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        HttpResponse<String> preferences = Browser.on(port).signIn(READER, PASSWORD).get("/preferences");
        assertThat(preferences.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(Browser.on(port).get("/api/preferences").headers().firstValue("X-Content-Type-Options"))
            .hasValue("nosniff");
    }

    @Test
    void healthShowsItsComponentsToTheOperatorOnlyAndProbesStillAnswer() {
        var anonymous = rest().get("/actuator/health");
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().get("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).isFalse();
        var readiness = rest().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().has("components")).isFalse();
        assertThat(rest().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(rest().as(READER).get("/actuator/health").json().has("components")).isFalse();
        assertThat(rest().as("intrus", "Pas-Le-Bon-2026").get("/actuator/health").json().has("components")).isFalse();

        assertThat(rest().as("admin").get("/actuator/health").json().at("/components/db/status").asText())
            .isEqualTo("UP");
        assertThat(rest().as("admin").get("/actuator/health/readiness").json().at("/components/db/status").asText())
            .isEqualTo("UP");
    }

    @Test
    void anUnexpectedFailureAnswersWithoutItsExceptionTextWhileOurRefusalsKeepTheirFrenchMessage() {
        // A failure nobody foresaw (here one planted by the tests,
        // TestInfrastructure.UNFORESEEN_FAILURE) answers 500 without its text.
        var failed = rest().as(READER).get(fr.catalyse.TestInfrastructure.UNFORESEEN_FAILURE);
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).doesNotContain("No enum constant", "DeliveryMode", "fr.catalyse", "PIGEON");

        // A tampered form: a delivery mode the page never offers is refused in French,
        // nothing changed.
        var tampered = Browser.on(port).signIn(READER, PASSWORD).post("/preferences", Map.of("RAPPELS", "PIGEON"));
        assertThat(tampered.statusCode()).isEqualTo(400);
        assertThat(tampered.body()).contains("« PIGEON » n&#39;est pas un mode connu")
            .doesNotContain("No enum constant");
        assertThat(remindersOf(READER)).isNotEqualTo("PIGEON");

        var invalid = rest().as(READER).put("/api/preferences", Map.of("RAPPELS", "PARFOIS"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("message").asText()).contains("« PARFOIS » n'est pas un mode connu");
        var denied = rest().as(READER).get("/api/notifications");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("message").asText()).startsWith("Accès réservé");
    }

    private String remindersOf(String userId) {
        return rest().as(userId).get("/api/preferences").json().at("/preferences/RAPPELS/mode").asText();
    }

}
