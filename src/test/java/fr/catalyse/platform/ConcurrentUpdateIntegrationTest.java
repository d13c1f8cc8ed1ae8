package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.partnership.PartnershipScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A form submitted while a timer job works on the same process instance loses the race:
 * the engine refuses it (ENGINE-03005, optimistic locking). The person is told in French,
 * with a 409, that nothing was recorded and to reload; the task stays open and can be
 * submitted again.
 *
 * <p>
 * The race is real and made deterministic: the job runs in a transaction the test holds
 * open, the submit then reads the committed state and blocks in PostgreSQL on a row the
 * job changed, and only then does the job commit. PostgreSQL re-checks the submit's
 * {@code WHERE REV_ = ?} against the new row, finds no row, and the engine reports the
 * concurrent update.
 */
class ConcurrentUpdateIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @Autowired
    fr.catalyse.access.AccessDirectory access;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    PartnershipScenario scenario;

    @BeforeEach
    void aPartnershipWaitingForItsDiagnostic() {
        registerTestDirectory();
        scenario = new PartnershipScenario(engine, access).start("Course entre un envoi et un rappel");
    }

    @Test
    void aFormSubmittedWhileAJobChangesTheSameInstanceAnswers409InFrenchAndTheTaskStaysOpen() throws Exception {
        String task = scenario.task("Task_SharedDiagnostic").getId();
        Job stalled = engine.getManagementService()
            .createJobQuery()
            .processInstanceId(scenario.id())
            .activityId("Timer_DialogueStalled")
            .singleResult();
        CountDownLatch jobRan = new CountDownLatch(1);
        CountDownLatch commitJob = new CountDownLatch(1);

        CompletableFuture<Void> job = CompletableFuture.runAsync(() -> transaction.executeWithoutResult(status -> {
            engine.getManagementService().executeJob(stalled.getId());
            jobRan.countDown();
            await(commitJob);
        }));
        await(jobRan);
        CompletableFuture<RestCalls.Response> submit = CompletableFuture.supplyAsync(() -> submit(task));
        awaitABlockedStatement(submit);
        commitJob.countDown();
        job.get(30, TimeUnit.SECONDS);
        RestCalls.Response response = submit.get(30, TimeUnit.SECONDS);

        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.json().get("type").asText()).isEqualTo("OptimisticLockingException");
        assertThat(response.json().get("message").asText()).contains("modifié en même temps par une autre opération",
                "votre envoi n'a pas été enregistré", "Copiez vos saisies, rechargez la page");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).as("task still open").isEqualTo(1);
        assertThat(engine.getRuntimeService().getVariable(scenario.id(), "keyActors")).isNull();
        assertThat(engine.getManagementService()
            .createJobQuery()
            .processInstanceId(scenario.id())
            .activityId("Task_AlertDialogueStalled")
            .count()).as("the job's own work was kept").isEqualTo(1);

        RestCalls.Response again = submit(task);
        assertThat(again.status()).as("submitted again after reloading: " + again).isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isZero();
    }

    private RestCalls.Response submit(String task) {
        return rest().as(PartnershipScenario.CATALYST)
            .post("/engine-rest/task/" + task + "/submit-form",
                    Map.of("variables",
                            Map.of("fragilities", Map.of("value", "[\"mobilite\"]", "type", "Json"), "territoryAssets",
                                    Map.of("value", "Un tissu associatif très dense.", "type", "String"), "keyActors",
                                    Map.of("value", "La mairie et le centre social.", "type", "String"))));
    }

    /**
     * Waits until a statement waits for a row lock in PostgreSQL, i.e. the submit has
     * reached the job's rows.
     */
    private void awaitABlockedStatement(CompletableFuture<RestCalls.Response> submit) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            Integer waiting = jdbc.queryForObject(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and state = 'active'",
                    Integer.class);
            if (waiting != null && waiting > 0) {
                return;
            }
            assertThat(submit)
                .as("the submit ended without meeting the job's rows: " + (submit.isDone() ? submit.join() : ""))
                .isNotDone();
            Thread.sleep(20);
        }
        throw new AssertionError("the submit never waited for the job's transaction");
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

}
