package fr.catalyse.pathway;

import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.RestCalls.Response;
import fr.catalyse.access.AccessDirectory;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a form submits belongs to its own task: the next territory's or the next round's
 * form opens blank, a required field left empty on a later round is refused, and a
 * participant reads nothing of another territory through their own task of the
 * programme-wide cohort. Over HTTP, as Tasklist's users call it.
 */
class FormValuesStayWithTheirTaskIntegrationTest extends IntegrationTestSupport {

    private static final String MOTIVATION = "Motivation confidentielle du territoire p01 : nos élus sont prêts.";

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    ParticipationRepository participations;

    @Autowired
    CohortRepository cohorts;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void anotherTerritorysApplicationFormOpensBlankAndItsCatalystsCannotReadTheFirstApplication() {
        registerTestDirectory();
        ProcessInstance cohort = CohortScenario.launch(engine, access,
                "Confidentialité " + UUID.randomUUID().toString().substring(0, 8),
                LocalDate.now(fr.catalyse.platform.Deadlines.ZONE));

        String p01Task = applyTaskOf("cat1.p01", cohort);
        Response p01TaskAsP02 = rest().as("cat1.p02").get("/engine-rest/task/" + p01Task + "/variables");
        assertThat(p01TaskAsP02.status()).as(p01TaskAsP02.toString()).isIn(403, 404);
        Response submitted = rest().as("cat1.p01")
            .post("/engine-rest/task/" + p01Task + "/submit-form",
                    Map.of("variables",
                            Map.of("applying", Map.of("value", "oui"), "catalystOne", Map.of("value", "cat1.p01"),
                                    "catalystTwo", Map.of("value", "cat2.p01"), "motivation",
                                    Map.of("value", MOTIVATION))));
        assertThat(submitted.status()).as(submitted.toString()).isEqualTo(204);

        // The record still receives exactly what the form submitted.
        Cohort record = cohorts.findByProcessInstanceId(cohort.getId()).orElseThrow();
        Participation p01 = inTransaction(
                () -> participations.findByCohortAndStatusOrderById(record, ParticipationStatus.APPLIED)
                    .stream()
                    .filter(participation -> participation.getTerritory().getCode().equals("p01"))
                    .findFirst()
                    .orElseThrow());
        assertThat(p01.getMotivation()).isEqualTo(MOTIVATION);
        assertThat(p01.getCatalystOne()).isEqualTo("cat1.p01");

        String p02Task = applyTaskOf("cat1.p02", cohort);
        JsonNode form = rest().as("cat1.p02").get("/engine-rest/task/" + p02Task + "/form-variables").json();
        for (String field : new String[] { "applying", "catalystOne", "catalystTwo", "motivation" }) {
            assertThat(form.path(field).path("value").isNull() || form.path(field).isMissingNode())
                .as(field + " of p02: " + form.path(field))
                .isTrue();
        }
        // What the task does need is there: its own territory and its own catalysts to
        // choose from.
        assertThat(form.path("territoryName").path("value").asText()).isEqualTo("Territoire pilote p02");
        assertThat(rest().as("cat1.p02")
            .get("/engine-rest/task/" + p02Task + "/form-variables?deserializeValues=false")
            .body()).contains("cat1.p02").doesNotContain("cat1.p01");

        Response variables = rest().as("cat1.p02").get("/engine-rest/task/" + p02Task + "/variables");
        assertThat(variables.status()).isEqualTo(200);
        assertThat(variables.body()).doesNotContain(MOTIVATION).doesNotContain("cat2.p01");
        Response history = rest().as("cat1.p02")
            .get("/engine-rest/history/variable-instance?processInstanceId=" + cohort.getId());
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()).doesNotContain(MOTIVATION);

        // The programme team, whose task it is to compare applications, does read them.
        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(cohort.getId(),
                task -> task.getTaskDefinitionKey().equals("Task_Apply") ? values("applying", "non") : null,
                () -> driver.waitsAt(cohort.getId(), "Task_ReviewApplications"));
        String review = engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(cohort.getId())
            .taskDefinitionKey("Task_ReviewApplications")
            .singleResult()
            .getId();
        assertThat(rest().as("prog.test")
            .get("/engine-rest/task/" + review + "/form-variables?deserializeValues=false")
            .body()).contains(MOTIVATION);
        assertThat(rest().as("cat1.p02").get("/engine-rest/task/" + p02Task + "/variables").body())
            .doesNotContain(MOTIVATION);
    }

    @Test
    void theSecondQuarterlyReviewOpensBlankAndRefusesARequiredFieldLeftEmpty() {
        registerTestDirectory();
        ClockUtil.setCurrentTime(new java.util.Date());
        ProcessInstance dialogue = access.actingAs("prog.test",
                () -> engine.getRuntimeService()
                    .startProcessInstanceByKey("governance-dialogue",
                            values("territory", "alpha", "dialogueSubject", "Gouvernance des alliances d'Alpha")));
        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(dialogue.getId(),
                task -> task.getTaskDefinitionKey().equals("Task_InitialInterview")
                        ? values("interviewNotes", "Attentes fortes sur la coordination.") : null,
                () -> driver.waitsAt(dialogue.getId(), "Task_QuarterlyReview"));

        String first = openTask(dialogue, "Task_QuarterlyReview").getId();
        assertThat(rest().as("prog.test")
            .post("/engine-rest/task/" + first + "/submit-form",
                    Map.of("variables",
                            Map.of("reviewNotes", Map.of("value", "Premier trimestre : tensions sur le financement."),
                                    "dialogueHealth", Map.of("value", "fragile"))))
            .status()).isEqualTo(204);
        driver.run(dialogue.getId(), task -> null, () -> driver.waitsAt(dialogue.getId(), "Task_QuarterlyReview"));

        Task second = openTask(dialogue, "Task_QuarterlyReview");
        assertThat(second.getId()).isNotEqualTo(first);
        JsonNode form = rest().as("prog.test").get("/engine-rest/task/" + second.getId() + "/form-variables").json();
        assertThat(form.path("reviewNotes").path("value").isNull()).as(form.path("reviewNotes").toString()).isTrue();
        assertThat(form.path("dialogueHealth").path("value").isNull()).isTrue();
        assertThat(form.toString()).doesNotContain("tensions sur le financement");

        Response refused = rest().as("prog.test")
            .post("/engine-rest/task/" + second.getId() + "/complete",
                    Map.of("variables", Map.of("dialogueHealth", Map.of("value", "constructif"))));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("message").asText()).contains("Points de la revue").contains("obligatoire");
        assertThat(engine.getTaskService().createTaskQuery().taskId(second.getId()).count()).as("task left open")
            .isEqualTo(1);

        assertThat(rest().as("prog.test")
            .post("/engine-rest/task/" + second.getId() + "/complete",
                    Map.of("variables",
                            Map.of("reviewNotes", Map.of("value", "Deuxième trimestre : le financement est trouvé."),
                                    "dialogueHealth", Map.of("value", "constructif"))))
            .status()).isEqualTo(204);
    }

    private String applyTaskOf(String catalyst, ProcessInstance cohort) {
        JsonNode tasks = rest().as(catalyst).get("/engine-rest/task?processInstanceId=" + cohort.getId()).json();
        assertThat(tasks).as(catalyst + " sees their territory's application only").hasSize(1);
        assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo("Task_Apply");
        return tasks.get(0).path("id").asText();
    }

    private Task openTask(ProcessInstance instance, String key) {
        return engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(instance.getId())
            .taskDefinitionKey(key)
            .singleResult();
    }

}
