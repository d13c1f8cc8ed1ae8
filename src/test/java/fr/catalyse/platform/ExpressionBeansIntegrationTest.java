package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.Deployments;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * What a deployed model's expressions can reach: the beans of
 * {@link ExpressionBeans#EXPOSED} and nothing else of the application, even for the
 * operator who deploys it.
 */
class ExpressionBeansIntegrationTest extends IntegrationTestSupport {

    /** A bean of the application no model needs: it issues password links. */
    static final String UNLISTED = "passwordLinks";

    @Autowired
    ApplicationContext context;

    private final List<String> deployed = new java.util.ArrayList<>();

    @AfterEach
    void undeploy() {
        deployed.forEach(id -> rest().as(RestCalls.ADMIN).delete("/engine-rest/deployment/" + id + "?cascade=true"));
    }

    @Test
    void everyBeanTheModelsNameIsExposedAndIsABeanOfTheApplication() throws Exception {
        for (Path model : ProcessModelConventionsTest.models().toList()) {
            for (String bean : ProcessModelConventionsTest.beansNamedBy(model).keySet()) {
                assertThat(ExpressionBeans.EXPOSED).as(bean + " in " + model).contains(bean);
                assertThat(context.containsBean(bean)).as("bean " + bean + " named in " + model).isTrue();
            }
        }
        ExpressionBeans.EXPOSED
            .forEach(bean -> assertThat(context.containsBean(bean)).as("exposed bean " + bean).isTrue());
        assertThat(context.containsBean(UNLISTED)).isTrue();
        assertThat(ExpressionBeans.EXPOSED).doesNotContain(UNLISTED);
    }

    @Test
    void aServiceTaskNamingABeanThatIsNotListedFailsAndStartsNothingEvenForTheOperator() {
        String key = key();
        deploy(key, """
                <bpmn:startEvent id="Start" name="Début" />
                <bpmn:sequenceFlow id="Flow_Reach" sourceRef="Start" targetRef="Task_Reach" />
                <bpmn:serviceTask id="Task_Reach" name="Atteindre un bean" camunda:expression="${%s.toString()}"
                    camunda:resultVariable="reached" />
                <bpmn:sequenceFlow id="Flow_End" sourceRef="Task_Reach" targetRef="End" />
                <bpmn:endEvent id="End" name="Fin" />
                """.formatted(UNLISTED));

        var started = rest().as(RestCalls.ADMIN)
            .post("/engine-rest/process-definition/key/" + key + "/start", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(500);
        assertThat(started.json().get("message").asText()).contains("Cannot resolve identifier '" + UNLISTED + "'");
        assertThat(rest().as(RestCalls.ADMIN)
            .get("/engine-rest/history/process-instance/count?processDefinitionKey=" + key)
            .json()
            .get("count")
            .asInt()).isZero();
    }

    @Test
    void listedBeansWorkInServiceTasksAndTaskNamesWhileAnUnlistedOneLeavesTheGenericName() {
        String key = key();
        deploy(key,
                """
                        <bpmn:startEvent id="Start" name="Début" />
                        <bpmn:sequenceFlow id="Flow_Interval" sourceRef="Start" targetRef="Task_Interval" />
                        <bpmn:serviceTask id="Task_Interval" name="Lire un délai" camunda:expression="${deadlines.of('pilot.support-interval')}"
                            camunda:resultVariable="interval" />
                        <bpmn:sequenceFlow id="Flow_Split" sourceRef="Task_Interval" targetRef="Split" />
                        <bpmn:parallelGateway id="Split" name="Deux tâches" />
                        <bpmn:sequenceFlow id="Flow_Listed" sourceRef="Split" targetRef="Task_Listed" />
                        <bpmn:userTask id="Task_Listed" name="Suivre la sonde" camunda:assignee="admin">
                          <bpmn:extensionElements><camunda:properties>
                            <camunda:property name="intitule" value="Suivre la sonde tous les ${deadlines.of('pilot.support-interval')}" />
                          </camunda:properties></bpmn:extensionElements>
                        </bpmn:userTask>
                        <bpmn:sequenceFlow id="Flow_Unlisted" sourceRef="Split" targetRef="Task_Unlisted" />
                        <bpmn:userTask id="Task_Unlisted" name="Relire la sonde" camunda:assignee="admin">
                          <bpmn:extensionElements><camunda:properties>
                            <camunda:property name="intitule" value="Relire ${%s.toString()}" />
                          </camunda:properties></bpmn:extensionElements>
                        </bpmn:userTask>
                        """
                    .formatted(UNLISTED));

        var started = rest().as(RestCalls.ADMIN)
            .post("/engine-rest/process-definition/key/" + key + "/start", Map.of());
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        String interval = context.getBean(Deadlines.class).of("pilot.support-interval");
        assertThat(rest().as(RestCalls.ADMIN)
            .get("/engine-rest/process-instance/" + instance + "/variables/interval")
            .json()
            .get("value")
            .asText()).isEqualTo(interval);

        var tasks = rest().as(RestCalls.ADMIN)
            .get("/engine-rest/task?processInstanceId=" + instance + "&sortBy=name&sortOrder=asc")
            .json();
        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("Relire la sonde");
        assertThat(tasks.get(1).get("name").asText()).isEqualTo("Suivre la sonde tous les " + interval);
    }

    private void deploy(String key, String flow) {
        String model = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://catalyse.test">
                  <bpmn:process id="%s" name="Sonde des expressions" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """
            .formatted(key, flow);
        Deployments upload = Deployments.of(key, key + ".bpmn", model);
        var response = rest().as(RestCalls.ADMIN)
            .send("/engine-rest/deployment/create", upload.contentType(),
                    HttpRequest.BodyPublishers.ofByteArray(upload.body()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        deployed.add(response.json().get("id").asText());
    }

    private static String key() {
        return "sonde-expressions-" + UUID.randomUUID().toString().substring(0, 8);
    }

}
