package fr.catalyse.governance;

import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.access.AccessDirectory;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A governance dialogue followed over 36 months, extended once by a year, then closed.
 */
class GovernanceDialogueProcessTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    GovernanceDialogueRepository dialogues;

    @Autowired
    GovernanceReviewRepository reviews;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void quarterlyAndYearlyReviewsLeadToTheFinalReviewAtMonth36ThenAnExtension() {
        BpmnAwareTests.init(engine);
        registerTestDirectory();
        Instant start = Instant.now();
        ClockUtil.setCurrentTime(java.util.Date.from(start));
        ProcessInstance dialogue = access.actingAs("prog.test",
                () -> engine.getRuntimeService()
                    .startProcessInstanceByKey("governance-dialogue",
                            values("territory", "alpha", "dialogueSubject", "Gouvernance des alliances d'Alpha")));
        assertThat(dialogue.getTenantId()).isEqualTo("alpha");
        assertThat(dialogue.getBusinessKey()).isEqualTo("alpha / Dialogue de gouvernance");

        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(dialogue.getId(), GovernanceScenario::reviews,
                () -> driver.waitsAt(dialogue.getId(), "Task_FinalReview"));

        GovernanceDialogue record = dialogues.findByProcessInstanceId(dialogue.getId()).orElseThrow();
        assertThat(reviews.findByDialogueOrderById(record))
            .extracting(GovernanceReview::getKind, GovernanceReview::getMonth)
            .containsExactly(tuple(ReviewKind.INITIAL, 0), tuple(ReviewKind.QUARTERLY, 3),
                    tuple(ReviewKind.QUARTERLY, 6), tuple(ReviewKind.QUARTERLY, 9), tuple(ReviewKind.YEARLY, 12),
                    tuple(ReviewKind.QUARTERLY, 15), tuple(ReviewKind.QUARTERLY, 18), tuple(ReviewKind.QUARTERLY, 21),
                    tuple(ReviewKind.YEARLY, 24), tuple(ReviewKind.QUARTERLY, 27), tuple(ReviewKind.QUARTERLY, 30),
                    tuple(ReviewKind.QUARTERLY, 33));
        long months = Duration.between(start, ClockUtil.getCurrentTime().toInstant()).toDays() / 30;
        assertThat(months).as("months elapsed at the final review").isBetween(35L, 36L);

        complete(dialogue, "prolonger");
        driver.run(dialogue.getId(), GovernanceScenario::reviews,
                () -> driver.waitsAt(dialogue.getId(), "Task_FinalReview"));
        complete(dialogue, "clore");

        assertThat(dialogue).isEnded().hasPassed("EndEvent_DialogueClosed");
        assertThat(reviews.findByDialogueOrderById(record)).filteredOn(review -> review.getKind() == ReviewKind.FINAL)
            .extracting(GovernanceReview::getMonth, GovernanceReview::getOutcome)
            .containsExactly(tuple(36, "prolonger"), tuple(48, "clore"));
        assertThat(reviews.findByDialogueOrderById(record))
            .filteredOn(review -> review.getKind() == ReviewKind.QUARTERLY)
            .extracting(GovernanceReview::getMonth)
            .endsWith(39, 42, 45)
            .hasSize(12);
        GovernanceDialogue closed = dialogues.findById(record.getId()).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(DialogueStatus.CLOSED);
        assertThat(closed.getPeriods()).isEqualTo(2);
        assertThat(engine.getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(dialogue.getId())
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list()).extracting(org.camunda.bpm.engine.history.HistoricTaskInstance::getName)
            .contains("Tenir la revue trimestrielle du mois 3", "Faire le bilan annuel du mois 24",
                    "Tenir la revue trimestrielle du mois 45", "Faire la revue finale du mois 36",
                    "Faire la revue finale du mois 48");
    }

    private void complete(ProcessInstance dialogue, String decision) {
        String task = engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(dialogue.getId())
            .taskDefinitionKey("Task_FinalReview")
            .singleResult()
            .getId();
        engine.getTaskService().complete(task, GovernanceScenario.finalReview(decision));
    }

    private static org.assertj.core.groups.Tuple tuple(Object... values) {
        return org.assertj.core.groups.Tuple.tuple(values);
    }

}
