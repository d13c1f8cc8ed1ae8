package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform as a client meets it: deployed models, a locked REST API, probes, engine
 * settings.
 */
class PlatformIntegrationTest extends IntegrationTestSupport {

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void everyModelAndFormOfTheProjectIsDeployed() throws IOException {
        List<String> deployed = repository.createDeploymentQuery()
            .list()
            .stream()
            .flatMap(deployment -> repository.getDeploymentResources(deployment.getId()).stream())
            .map(Resource::getName)
            .toList();
        for (Path file : projectFiles("bpmn", ".bpmn", "forms", ".form")) {
            assertThat(deployed).as("deployed resources")
                .anyMatch(name -> name.endsWith(file.getFileName().toString()));
        }
    }

    @Test
    void everyDeployedProcessKeepsItsHistoryLongerThanAProgrammeCycle() {
        assertThat(engine.getHistoryTimeToLive()).isEqualTo("P2190D");
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            assertThat(definition.getHistoryTimeToLive()).as(definition.getKey()).isGreaterThanOrEqualTo(49 * 31);
        }
        assertThat(engine.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(engine.getHistoryLevel().getName()).isEqualTo("full");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/engine-rest/engine", "/engine-rest/task", "/engine-rest/process-definition",
            "/engine-rest/process-instance", "/engine-rest/history/task", "/engine-rest/user", "/engine-rest/group",
            "/engine-rest/deployment", "/engine-rest/authorization", "/engine-rest/job", "/engine-rest/incident",
            "/engine-rest/variable-instance", "/engine-rest/filter", "/engine-rest/tenant" })
    void anonymousCallsToTheRestApiAreRefused(String path) {
        assertThat(rest().get(path).status()).isEqualTo(401);
        assertThat(rest().as("intrus", "Pas-Le-Bon-2026").get(path).status()).isEqualTo(401);
    }

    @Test
    void anonymousWritesAreRefusedToo() {
        assertThat(rest().post("/engine-rest/process-definition/key/partnership-lifecycle/start", "{}").status())
            .isEqualTo(401);
        assertThat(rest().post("/engine-rest/user/create", "{}").status()).isEqualTo(401);
    }

    @Test
    void theOperatorReachesTheRestApi() {
        assertThat(rest().as("admin").get("/engine-rest/engine").status()).isEqualTo(200);
        assertThat(rest().as("admin").get("/engine-rest/user/count").json().get("count").asInt()).isPositive();
    }

    @Test
    void readinessIncludesTheDatabase() {
        var readiness = rest().as("admin").get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asText()).isEqualTo("UP");
        assertThat(rest().get("/actuator/health/liveness").json().get("status").asText()).isEqualTo("UP");
    }

    @Test
    void theRootAddressLeadsToTheTasklistLogin() {
        var root = rest().get("/");
        assertThat(root.status()).isEqualTo(302);
        assertThat(root.location()).endsWith("/camunda/app/tasklist/");
    }

    @Test
    void webappWritesWithoutCsrfTokenAreRefused() {
        var response = rest().post("/camunda/api/admin/auth/user/default/logout", "{}");
        assertThat(response.status()).isEqualTo(403);
    }

    @Test
    void passwordsMustFollowThePolicy() {
        assertThat(engine.isEnablePasswordPolicy()).isTrue();
        var weak = rest().as("admin")
            .post("/engine-rest/user/create",
                    """
                            {"profile": {"id": "weak.password", "firstName": "Faible", "lastName": "Motdepasse", "email": "w@x.test"},
                             "credentials": {"password": "abc"}}""");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("message").asText()).startsWith("Le mot de passe ne respecte pas la politique");
        assertThat(rest().as("admin").get("/engine-rest/user/count?id=weak.password").json().get("count").asInt())
            .isZero();
    }

    @Test
    void repeatedWrongPasswordsSlowTheNextLoginDown() throws InterruptedException {
        rest().as("admin").post("/engine-rest/user/create", """
                {"profile": {"id": "throttled.user", "firstName": "Lent", "lastName": "Essai", "email": "t@x.test"},
                 "credentials": {"password": "Bonne-Cle-2026"}}""");
        assertThat(rest().as("throttled.user", "Bonne-Cle-2026").get("/engine-rest/engine").status()).isEqualTo(200);

        assertThat(rest().as("throttled.user", "mauvaise").get("/engine-rest/engine").status()).isEqualTo(401);
        assertThat(rest().as("throttled.user", "Bonne-Cle-2026").get("/engine-rest/engine").status())
            .as("right password during the delay after a failure")
            .isEqualTo(401);
        Thread.sleep(3_500);
        assertThat(rest().as("throttled.user", "Bonne-Cle-2026").get("/engine-rest/engine").status()).isEqualTo(200);
        assertThat(engine.getLoginMaxAttempts()).isEqualTo(10);
    }

    static List<Path> projectFiles(String folder, String suffix, String otherFolder, String otherSuffix)
            throws IOException {
        try (Stream<Path> models = Files.list(Path.of(folder)); Stream<Path> forms = Files.list(Path.of(otherFolder))) {
            return Stream
                .concat(models.filter(path -> path.toString().endsWith(suffix)),
                        forms.filter(path -> path.toString().endsWith(otherSuffix)))
                .toList();
        }
    }

}
