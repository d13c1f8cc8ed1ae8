package fr.catalyse.versions;

import static fr.catalyse.partnership.PartnershipScenario.ASSOCIATION;
import static fr.catalyse.partnership.PartnershipScenario.CATALYST;
import static fr.catalyse.partnership.PartnershipScenario.COMPANY;
import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.ProcessDriver;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.notification.Mailbox;
import fr.catalyse.partnership.PartnershipRepository;
import fr.catalyse.partnership.PartnershipScenario;
import fr.catalyse.partnership.PartnershipStage;
import fr.catalyse.pathway.CohortScenario;
import fr.catalyse.governance.GovernanceScenario;
import fr.catalyse.platform.Deadlines;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * How the instances of release 1's models are played, as their actors and time would play
 * them, with the existing scenarios: each process through every wait state to its end.
 * Written against release 1's activity ids: when a later release renames one, this class
 * keeps the old id (the scenarios take the task key where it may differ, e.g.
 * {@link PartnershipScenario#fundAt}).
 */
final class ReleaseOne implements ReleasedVersionDrivers {

    private final ProcessEngine engine;

    private final AccessDirectory access;

    private final PartnershipRepository partnerships;

    private final Mailbox mailbox;

    ReleaseOne(ProcessEngine engine, AccessDirectory access, PartnershipRepository partnerships, Mailbox mailbox) {
        this.engine = engine;
        this.access = access;
        this.partnerships = partnerships;
        this.mailbox = mailbox;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of("partnership-lifecycle", "pilot-pathway", "governance-dialogue", "email-delivery",
                "weekly-digest");
    }

    @Override
    public void drive(ProcessDefinition definition) {
        switch (definition.getKey()) {
            case "partnership-lifecycle" -> partnerships(definition.getId());
            case "pilot-pathway" -> cohorts(definition.getId());
            case "governance-dialogue" -> governanceDialogue(definition.getId());
            case "email-delivery" -> email(definition.getId());
            case "weekly-digest" -> weeklyDigest(definition.getId());
            default -> throw new AssertionError("Aucun pilote pour " + definition.getKey());
        }
    }

    /**
     * Three partnerships: one through every detour (stalled dialogue, stakes sent back,
     * an invitation expired, funding to rework, a month's follow-up, a steering meeting,
     * a mediation, evaluations that continue, adjust, then spread); one running 36 months
     * with a partner withdrawing; one refused funding.
     */
    private void partnerships(String definitionId) {
        PartnershipScenario detours = new PartnershipScenario(engine, access).startOn(definitionId,
                "Version 1 — tous les détours");
        detours.fire(detours.timer("Timer_DialogueStalled")).runAsyncJobs();
        detours.diagnoseAndMeet()
            .validateStakes("reprendre")
            .dialogue()
            .stateNeeds()
            .propose(ASSOCIATION, COMPANY)
            .answer(ASSOCIATION, "accepter");
        detours.fire(detours.timer("Timer_MatchExpired"));
        detours.frame(4)
            .indicators()
            .fund("a-retravailler")
            .frame(4)
            .indicators()
            .fund("accorde")
            .signAll()
            .planSupport();
        detours.fire(detours.timer("StartEvent_MonthStarted")).followUpMonth(37);
        detours.fire(detours.timer("StartEvent_QuarterStarted")).steer().mediate(ASSOCIATION, "resolue");
        detours.fire(detours.timer("Timer_SupportPeriodOver")).evaluateByPartners().decide("poursuivre", null);
        detours.planSupport()
            .fire(detours.timer("Timer_SupportPeriodOver"))
            .evaluateByPartners()
            .decide("ajuster", null);
        detours.frame(2).indicators().fund("accorde").signAll().planSupport();
        detours.fire(detours.timer("Timer_SupportPeriodOver")).evaluateByPartners();
        detours.as(CATALYST, () -> detours.decide("essaimer", "beta"));
        assertEnded(detours, "EndEvent_PartnershipSpread", PartnershipStage.SPREAD);

        PartnershipScenario longRun = new PartnershipScenario(engine, access)
            .startOn(definitionId, "Version 1 — au long cours")
            .throughDesign(36)
            .mediate(ASSOCIATION, "retrait");
        longRun.fire(longRun.timer("StartEvent_Month36"))
            .complete("Task_Month36Review", values("month36Assessment",
                    "Le service fonctionne et s'étend au canton voisin.", "month36Outlook", "poursuivre"));
        longRun.planSupport()
            .fire(longRun.timer("Timer_SupportPeriodOver"))
            .evaluateByPartners()
            .decide("arreter", null);
        assertEnded(longRun, "EndEvent_PartnershipClosed", PartnershipStage.CLOSED);

        PartnershipScenario unfunded = new PartnershipScenario(engine, access)
            .startOn(definitionId, "Version 1 — sans financement")
            .throughMatchmaking()
            .frame(6)
            .indicators()
            .fund("refuse");
        assertEnded(unfunded, "EndEvent_PartnershipStoppedNoFunding", PartnershipStage.STOPPED);
    }

    private void assertEnded(PartnershipScenario partnership, String endEvent, PartnershipStage stage) {
        assertThat(endActivity(partnership.id())).as(partnership.instance().getBusinessKey()).isEqualTo(endEvent);
        assertThat(partnerships.findByProcessInstanceId(partnership.id()).orElseThrow().getStage()).isEqualTo(stage);
    }

    /**
     * Three cohorts of one territory. The first: the call extended once, every session,
     * deliverable and monthly follow-up, the last session's lessons late enough for the
     * overrun alert, a first review window closed without opinion and the socle commun
     * sent back once, no new cohort. The second jumps to a scale-up committee that
     * launches the next one. The third: stopped at the selection.
     */
    private void cohorts(String definitionId) {
        LocalDate start = LocalDate.now(Deadlines.ZONE);
        ProcessInstance cohort = CohortScenario.launchOn(engine, access, definitionId, "Version 1 " + UUID.randomUUID(),
                start);
        ProcessDriver driver = new ProcessDriver(engine);
        int[] validations = new int[2];
        driver.run(cohort.getId(), task -> switch (task.getTaskDefinitionKey()) {
            case "Task_ValidateSelection" -> validations[0]++ == 0
                    ? values("selectionDecision", "prolonger", "newApplicationDeadline", start.plusDays(20).toString())
                    : values("selectionDecision", "valider");
            case "Task_ValidateFoundation" -> validations[1]++ == 0
                    ? values("foundationDecision", "renvoyer", "committeeComment", "Trop général, à préciser.")
                    : values("foundationDecision", "valider", "committeeComment", "Relu en séance.");
            case "Task_CapitaliseSession" ->
                "S4".equals(variable(task, "session")) && !passed(cohort.getId(), "Task_EscalateOverrun") ? null
                        : CohortScenario.p01Throughout(engine, task);
            // The first review window closes without the binôme's opinion.
            case "Task_ReviewFoundation" -> validations[1] == 0 ? null : CohortScenario.p01Throughout(engine, task);
            default -> CohortScenario.p01Throughout(engine, task);
        }, () -> driver.ended(cohort.getId()));
        assertThat(endActivity(cohort.getId())).isEqualTo("EndEvent_PathwayClosed");

        // A scale-up committee that launches the next cohort: the same waits up to it, so
        // the cohort jumps there.
        ClockUtil.reset();
        ProcessInstance scaledUp = CohortScenario.launchOn(engine, access, definitionId,
                "Version 1 suite " + UUID.randomUUID(), start);
        engine.getRuntimeService()
            .createProcessInstanceModification(scaledUp.getId())
            .cancelAllForActivity("SubProcess_Selection")
            .startBeforeActivity("Task_ScaleUpDecision")
            .execute();
        driver.run(scaledUp.getId(),
                task -> values("scaleUpDecision", "nouvelle-cohorte", "nextCohortName", "Suite " + scaledUp.getId(),
                        "nextCohortStart", start.plusMonths(2).toString(), "scaleUpNotes",
                        "Étendre à douze nouveaux territoires."),
                () -> driver.ended(scaledUp.getId()));
        assertThat(endActivity(scaledUp.getId())).isEqualTo("EndEvent_NextCohortLaunched");

        ClockUtil.reset();
        ProcessInstance stopped = CohortScenario.launchOn(engine, access, definitionId,
                "Version 1 arrêtée " + UUID.randomUUID(), start);
        driver.run(stopped.getId(),
                task -> "Task_ValidateSelection".equals(task.getTaskDefinitionKey())
                        ? values("selectionDecision", "arreter") : CohortScenario.p01Only(engine, task),
                () -> driver.ended(stopped.getId()));
        assertThat(endActivity(stopped.getId())).isEqualTo("EndEvent_CohortAbandoned");
    }

    /** Thirty-six months of reviews, extended once by a year, then closed. */
    private void governanceDialogue(String definitionId) {
        ProcessInstance dialogue = access.actingAs("prog.test",
                () -> engine.getRuntimeService()
                    .startProcessInstanceById(definitionId,
                            values("territory", "alpha", "dialogueSubject", "Gouvernance (version 1)")));
        ProcessDriver driver = new ProcessDriver(engine);
        for (String decision : List.of("prolonger", "clore")) {
            driver.run(dialogue.getId(), GovernanceScenario::reviews,
                    () -> driver.waitsAt(dialogue.getId(), "Task_FinalReview"));
            Task review = engine.getTaskService()
                .createTaskQuery()
                .processInstanceId(dialogue.getId())
                .taskDefinitionKey("Task_FinalReview")
                .singleResult();
            engine.getTaskService().complete(review.getId(), GovernanceScenario.finalReview(decision));
        }
        assertThat(endActivity(dialogue.getId())).isEqualTo("EndEvent_DialogueClosed");
    }

    /**
     * A password-link email queued as release 1 queued them: its variables name the
     * sender and its argument.
     */
    private void email(String definitionId) {
        String request = "cat.alpha:" + UUID.randomUUID();
        ProcessInstance delivery = engine.getRuntimeService()
            .startProcessInstanceById(definitionId, "Mot de passe — cat.alpha",
                    Map.of("sender", "password-link", "argument", request));
        Job send = engine.getManagementService().createJobQuery().processInstanceId(delivery.getId()).singleResult();
        engine.getManagementService().executeJob(send.getId());
        assertThat(endActivity(delivery.getId())).isEqualTo("EndEvent_EmailHandled");
        assertThat(mailbox.to("cat.alpha@alpha.test", "Choisir un nouveau mot de passe")).isNotEmpty();
    }

    /**
     * The weekly digest waits for its day, sends, and waits for the next week: it ends
     * only when digests are switched off.
     */
    private void weeklyDigest(String definitionId) {
        ProcessInstance digest = engine.getRuntimeService()
            .startProcessInstanceById(definitionId, "Récapitulatif (version 1)");
        Job week = engine.getManagementService()
            .createJobQuery()
            .processInstanceId(digest.getId())
            .activityId("Timer_DigestTime")
            .singleResult();
        ClockUtil.setCurrentTime(new Date(week.getDuedate().getTime() + 1_000));
        engine.getManagementService().executeJob(week.getId());
        Job nextWeek = engine.getManagementService()
            .createJobQuery()
            .processInstanceId(digest.getId())
            .activityId("Timer_DigestTime")
            .singleResult();
        assertThat(nextWeek.getDuedate()).isAfter(week.getDuedate());
        assertThat(passed(digest.getId(), "Task_SendDigests")).isTrue();
    }

    @Override
    public Map<String, String> notDriven() {
        return Map.of();
    }

    private Object variable(Task task, String name) {
        return engine.getTaskService().getVariable(task.getId(), name);
    }

    private boolean passed(String processInstanceId, String activityId) {
        return engine.getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processInstanceId(processInstanceId)
            .activityId(activityId)
            .finished()
            .count() > 0;
    }

    private String endActivity(String processInstanceId) {
        var historic = engine.getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
        assertThat(historic.getEndTime()).as(historic.getBusinessKey() + " ended").isNotNull();
        return historic.getEndActivityId();
    }

}
