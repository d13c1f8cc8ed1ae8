package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.Browser;
import fr.catalyse.Deployments;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deploying a model runs code (its expressions call the application's beans): only the
 * operator creates, redeploys or deletes deployments, over the REST API as through
 * Cockpit's own API; the programme team still reads deployments, process definitions and
 * their diagrams.
 */
class DeploymentIsTheOperatorsIntegrationTest extends IntegrationTestSupport {

    static final String PROGRAMME = "prog.test";
    static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

    @Autowired
    AuthorizationService authorizations;

    @Autowired
    AuthorizationPolicy policy;

    @BeforeEach
    void directory() {
        registerTestDirectory();
    }

    @Test
    void theProgrammeTeamCannotDeployOverTheRestApiWhileTheOperatorDoes() {
        String key = probeKey();
        Deployments upload = Deployments.of(key, key + ".bpmn", Deployments.emptyProcess(key));

        var refused = deploy(rest().as(PROGRAMME), upload);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("type").asText()).isEqualTo("AuthorizationException");
        assertThat(deploymentCount(key)).isZero();

        var deployed = deploy(rest().as(RestCalls.ADMIN), upload);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        assertThat(deploymentCount(key)).isEqualTo(1);
        assertThat(rest().as(RestCalls.ADMIN).get("/engine-rest/process-definition/key/" + key).status())
            .isEqualTo(200);
        deleteAsOperator(deployed.json().get("id").asText());
    }

    @Test
    void theProgrammeTeamCannotRedeployNorDeleteTheOperatorsDeploymentButReadsItAndItsDiagram() {
        String key = probeKey();
        var deployed = deploy(rest().as(RestCalls.ADMIN),
                Deployments.of(key, key + ".bpmn", Deployments.emptyProcess(key)));
        String id = deployed.json().get("id").asText();
        RestCalls programme = rest().as(PROGRAMME);

        var redeploy = programme.post("/engine-rest/deployment/" + id + "/redeploy", Map.of());
        assertThat(redeploy.status()).as(redeploy.body()).isEqualTo(403);
        assertThat(deploymentCount(key)).isEqualTo(1);
        var delete = programme.delete("/engine-rest/deployment/" + id + "?cascade=true");
        assertThat(delete.status()).as(delete.body()).isEqualTo(403);
        assertThat(deploymentCount(key)).isEqualTo(1);

        assertThat(programme.get("/engine-rest/deployment?name=" + key).json()).hasSize(1);
        assertThat(programme.get("/engine-rest/deployment/" + id + "/resources").status()).isEqualTo(200);
        assertThat(
                programme.get("/engine-rest/process-definition/key/" + key + "/xml").json().get("bpmn20Xml").asText())
            .contains("Sonde de déploiement");
        assertThat(programme.get("/engine-rest/process-definition/key/pilot-pathway/xml").status()).isEqualTo(200);
        deleteAsOperator(id);
    }

    @Test
    void throughCockpitsOwnApiTheProgrammeTeamCannotDeployRedeployNorDeleteWhileTheOperatorCan() throws Exception {
        String key = probeKey();
        Deployments upload = Deployments.of(key, key + ".bpmn", Deployments.emptyProcess(key));
        Browser programme = Browser.on(port).signInToWebapp("cockpit", PROGRAMME, PASSWORD);
        Browser operator = Browser.on(port).signInToWebapp("cockpit", RestCalls.ADMIN, RestCalls.ADMIN_PASSWORD);

        HttpResponse<String> refused = programme.webappApi("POST", WEBAPP_ENGINE + "/deployment/create",
                upload.contentType(), upload.body());
        assertDeniedByTheEngine(refused);
        assertThat(deploymentCount(key)).isZero();

        HttpResponse<String> deployed = operator.webappApi("POST", WEBAPP_ENGINE + "/deployment/create",
                upload.contentType(), upload.body());
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
        assertThat(deploymentCount(key)).isEqualTo(1);
        String id = new ObjectMapper().readTree(deployed.body()).get("id").asText();

        assertDeniedByTheEngine(programme.webappApi("POST", WEBAPP_ENGINE + "/deployment/" + id + "/redeploy",
                "application/json", "{}".getBytes()));
        assertDeniedByTheEngine(
                programme.webappApi("DELETE", WEBAPP_ENGINE + "/deployment/" + id + "?cascade=true", null, null));
        assertThat(deploymentCount(key)).isEqualTo(1);
        HttpResponse<String> diagram = programme.webappApi("GET",
                WEBAPP_ENGINE + "/process-definition/key/" + key + "/xml", null, null);
        assertThat(diagram.statusCode()).isEqualTo(200);
        assertThat(diagram.body()).contains("Sonde de déploiement");

        HttpResponse<String> removed = operator.webappApi("DELETE",
                WEBAPP_ENGINE + "/deployment/" + id + "?cascade=true", null, null);
        assertThat(removed.statusCode()).as(removed.body()).isEqualTo(204);
        assertThat(deploymentCount(key)).isZero();
    }

    @Test
    void theProgrammeTeamCannotGrantItselfDeploymentNorJoinTheOperators() {
        RestCalls programme = rest().as(PROGRAMME);
        var grant = programme.post("/engine-rest/authorization/create",
                Map.of("type", Authorization.AUTH_TYPE_GRANT, "permissions", new String[] { "ALL" }, "groupId",
                        Role.PROGRAMME_TEAM.groupId(), "resourceType", Resources.DEPLOYMENT.resourceType(),
                        "resourceId", "*"));
        assertThat(grant.status()).as(grant.body()).isEqualTo(403);
        var join = programme.put("/engine-rest/group/camunda-admin/members/" + PROGRAMME, Map.of());
        assertThat(join.status()).as(join.body()).isEqualTo(403);
        assertThat(rest().as(RestCalls.ADMIN)
            .get("/engine-rest/user/count?memberOfGroup=camunda-admin&id=" + PROGRAMME)
            .json()
            .get("count")
            .asInt()).isZero();
    }

    @Test
    void theProgrammeTeamCannotDeleteAProcessDefinitionButSuspendsAndResumesIt() {
        String key = probeKey();
        var deployed = deploy(rest().as(RestCalls.ADMIN),
                Deployments.of(key, key + ".bpmn", Deployments.emptyProcess(key)));
        RestCalls programme = rest().as(PROGRAMME);

        var delete = programme.delete("/engine-rest/process-definition/key/" + key + "?cascade=true");
        assertThat(delete.status()).as(delete.body()).isEqualTo(403);
        assertThat(rest().as(RestCalls.ADMIN).get("/engine-rest/process-definition/key/" + key).status())
            .isEqualTo(200);

        var suspend = programme.put("/engine-rest/process-definition/key/" + key + "/suspended",
                Map.of("suspended", true));
        assertThat(suspend.status()).as(suspend.body()).isEqualTo(204);
        assertThat(programme.get("/engine-rest/process-definition/key/" + key).json().get("suspended").asBoolean())
            .isTrue();
        assertThat(
                programme.put("/engine-rest/process-definition/key/" + key + "/suspended", Map.of("suspended", false))
                    .status())
            .isEqualTo(204);
        assertThat(programme.get("/engine-rest/process-definition/key/" + key).json().get("suspended").asBoolean())
            .isFalse();
        deleteAsOperator(deployed.json().get("id").asText());
    }

    @Test
    void aDatabaseSeededByAnEarlierVersionLosesTheProgrammeTeamsDeleteRightOnDefinitionsAtTheNextStart() {
        Authorization definitions = authorizations.createAuthorizationQuery()
            .groupIdIn(Role.PROGRAMME_TEAM.groupId())
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId("*")
            .singleResult();
        definitions.setPermissions(new Permissions[] { Permissions.ALL });
        authorizations.saveAuthorization(definitions);

        policy.seed();

        Authorization after = authorizations.createAuthorizationQuery()
            .groupIdIn(Role.PROGRAMME_TEAM.groupId())
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId("*")
            .singleResult();
        assertThat(after.isPermissionGranted(ProcessDefinitionPermissions.DELETE)).isFalse();
        assertThat(after.isPermissionGranted(ProcessDefinitionPermissions.SUSPEND)).isTrue();
        assertThat(after.isPermissionGranted(ProcessDefinitionPermissions.CREATE_INSTANCE)).isTrue();
        assertThat(after.isPermissionGranted(ProcessDefinitionPermissions.READ_HISTORY)).isTrue();
    }

    @Test
    void aDatabaseSeededByAnEarlierVersionLosesTheProgrammeTeamsDeployRightsAtTheNextStart() {
        Authorization deployments = programmeDeployments();
        deployments.setPermissions(new Permissions[] { Permissions.ALL });
        authorizations.saveAuthorization(deployments);
        assertThat(programmeDeployments().isPermissionGranted(Permissions.CREATE)).isTrue();

        policy.seed();

        Authorization after = programmeDeployments();
        assertThat(after.isPermissionGranted(Permissions.READ)).isTrue();
        assertThat(after.isPermissionGranted(Permissions.CREATE)).isFalse();
        assertThat(after.isPermissionGranted(Permissions.DELETE)).isFalse();
        assertThat(after.isPermissionGranted(Permissions.UPDATE)).isFalse();
    }

    private Authorization programmeDeployments() {
        return authorizations.createAuthorizationQuery()
            .groupIdIn(Role.PROGRAMME_TEAM.groupId())
            .resourceType(Resources.DEPLOYMENT)
            .resourceId("*")
            .singleResult();
    }

    /**
     * Refused by the engine's authorizations, not by the webapps' CSRF filter (which
     * answers 403 too).
     */
    private static void assertDeniedByTheEngine(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertThat(response.body()).contains("AuthorizationException");
    }

    private static RestCalls.Response deploy(RestCalls caller, Deployments upload) {
        return caller.send("/engine-rest/deployment/create", upload.contentType(),
                HttpRequest.BodyPublishers.ofByteArray(upload.body()));
    }

    private int deploymentCount(String name) {
        return rest().as(RestCalls.ADMIN).get("/engine-rest/deployment/count?name=" + name).json().get("count").asInt();
    }

    private void deleteAsOperator(String deploymentId) {
        assertThat(
                rest().as(RestCalls.ADMIN).delete("/engine-rest/deployment/" + deploymentId + "?cascade=true").status())
            .isEqualTo(204);
    }

    private static String probeKey() {
        return "sonde-deploiement-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
