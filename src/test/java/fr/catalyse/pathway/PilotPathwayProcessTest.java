package fr.catalyse.pathway;

import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.forms.FormValues;
import fr.catalyse.governance.GovernanceDialogueRepository;
import fr.catalyse.notification.Mailbox;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A whole cohort of twelve pilot territories driven through its nine months and beyond on
 * the engine clock, against the real model, forms, records and SMTP server.
 */
class PilotPathwayProcessTest extends IntegrationTestSupport {

    static final Set<String> LATE_WITH_S2 = Set.of("p03", "p07", "p11");

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    CohortRepository cohorts;

    @Autowired
    SessionRepository sessions;

    @Autowired
    DeliverableRepository deliverables;

    @Autowired
    ParticipationRepository participations;

    @Autowired
    SupportFollowUpRepository followUps;

    @Autowired
    FoundationVersionRepository foundations;

    @Autowired
    GovernanceDialogueRepository dialogues;

    TaskService tasks;

    ProcessDriver driver;

    Mailbox mailbox;

    String cohortName;

    int foundationDecisions;

    @BeforeEach
    void pilotTerritories() {
        BpmnAwareTests.init(engine);
        registerTestDirectory();
        tasks = engine.getTaskService();
        driver = new ProcessDriver(engine);
        mailbox = new Mailbox(smtp);
        cohortName = "Pilotes " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    ProcessInstance launch(LocalDate start) {
        return CohortScenario.launch(engine, access, cohortName, start);
    }

    @Test
    void twelveTerritoriesGoThroughTheNineMonthsToTheScaleUpCommittee() {
        LocalDate start = LocalDate.now(fr.catalyse.platform.Deadlines.ZONE);
        ProcessInstance cohort = launch(start);
        assertThat(cohort.getBusinessKey()).isEqualTo("Cohorte " + cohortName);

        driver.run(cohort.getId(), this::answer, () -> driver.ended(cohort.getId()));

        assertThat(cohort).isEnded()
            .hasPassed("EndEvent_PathwayClosed", "EndEvent_FoundationPublished", "EndEvent_EndingWarned")
            .hasNotPassed("EndEvent_OverrunEscalated", "EndEvent_CohortAbandoned");
        Cohort record = cohorts.findByProcessInstanceId(cohort.getId()).orElseThrow();
        assertThat(record.getStatus()).isEqualTo(CohortStatus.CLOSED);

        List<CollectiveSession> held = sessions.findByCohortOrderByPosition(record);
        assertThat(held).extracting(CollectiveSession::getCode).containsExactly("S1", "S2", "W", "S3", "S4");
        assertThat(held).extracting(CollectiveSession::getStatus).containsOnly(SessionStatus.CAPITALISED);
        assertThat(held).extracting(CollectiveSession::getHeldOn).isSorted();
        assertThat(held.get(0).getHeldOn()).isEqualTo(start.plusDays(30));

        List<Participation> selected = participations.findByCohortAndStatusOrderById(record,
                ParticipationStatus.SELECTED);
        assertThat(inTransaction(() -> selected.stream()
            .map(p -> participations.findById(p.getId()).orElseThrow().getTerritory().getCode())
            .collect(Collectors.toSet()))).isEqualTo(Set.copyOf(PILOT_TERRITORIES));
        for (Participation participation : selected) {
            assertThat(followUps.findByParticipationOrderByMonth(participation)).extracting(SupportFollowUp::getMonth)
                .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        }

        List<Deliverable> handedIn = deliverables.findByParticipationCohortOrderById(record);
        assertThat(handedIn).hasSize(48);
        assertThat(handedIn).filteredOn(deliverable -> deliverable.getStatus() == DeliverableStatus.SUBMITTED_LATE)
            .extracting(Deliverable::getSessionCode)
            .containsExactly("S2", "S2", "S2");
        assertThat(handedIn).filteredOn(deliverable -> deliverable.getSessionCode().equals("S4"))
            .allSatisfy(deliverable -> assertThat(deliverable.getContributions()).contains("enseignement"));

        List<FoundationVersion> versions = foundations.findByCohortOrderByVersion(record);
        assertThat(versions).extracting(FoundationVersion::getStatus)
            .containsExactly(FoundationStatus.SENT_BACK, FoundationStatus.PUBLISHED);
        assertThat(inTransaction(() -> foundations.findById(versions.get(1).getId()).orElseThrow().getItems().size()))
            .isEqualTo(12);
        assertThat(dialogues.findByCohort(record)).hasSize(12);

        assertEmails();
        assertTaskNamesSayWhichSessionAndTerritory(cohort);
    }

    /**
     * Lists, emails and escalations name the session and the territory; the diagram keeps
     * the generic label.
     */
    private void assertTaskNamesSayWhichSessionAndTerritory(ProcessInstance cohort) {
        Function<String, List<String>> names = key -> engine.getHistoryService()
            .createHistoricTaskInstanceQuery()
            .processInstanceId(cohort.getId())
            .taskDefinitionKey(key)
            .list()
            .stream()
            .map(org.camunda.bpm.engine.history.HistoricTaskInstance::getName)
            .toList();
        assertThat(names.apply("Task_PrepareSession")).containsExactlyInAnyOrder("Préparer la session S1 — Comprendre",
                "Préparer la session S2 — Mettre en œuvre", "Préparer la session W — Webinaire expert",
                "Préparer la session S3 — Approfondir", "Préparer la session S4 — Mettre en perspective");
        assertThat(names.apply("Task_SubmitDeliverable")).hasSize(48)
            .doesNotHaveDuplicates()
            .contains("Déposer le livrable S2 — Mettre en œuvre (Territoire pilote p03)");
        assertThat(names.apply("Task_MonthlySupport")).hasSize(108)
            .contains("Faire le point du mois 9 (Territoire pilote p12)");
        assertThat(names.apply("Task_Apply")).contains("Candidater au parcours d'expérience (Territoire pilote p01)");
        assertThat(mailbox.about(cohortName)).filteredOn(mail -> mail.to().equals("cat1@p03.test"))
            .extracting(Mailbox.Mail::subject)
            .anySatisfy(subject -> assertThat(subject).startsWith("Rappel")
                .contains("Déposer le livrable S2 — Mettre en œuvre (Territoire pilote p03)"));
        Mailbox.Mail escalation = mailbox.about(cohortName)
            .stream()
            .filter(mail -> mail.to().equals("prog.test@catalyse.test"))
            .filter(mail -> kind(mail).equals("retard signalé"))
            .findFirst()
            .orElseThrow();
        assertThat(escalation.body()).contains("Déposer le livrable S2 — Mettre en œuvre (Territoire pilote p07)")
            .doesNotContain("(Territoire pilote p07) — Territoire pilote p07");
        assertThat(engine.getRepositoryService()
            .getBpmnModelInstance(
                    cohort.getProcessDefinitionId()).<org.camunda.bpm.model.bpmn.instance.UserTask>getModelElementById(
                            "Task_SubmitDeliverable")
            .getName()).isEqualTo("Déposer le livrable de la session");
    }

    /**
     * Exact counts per recipient: late territories are reminded, the programme team hears
     * once of what is late.
     */
    private void assertEmails() {
        List<Mailbox.Mail> mails = mailbox.about(cohortName);
        Function<String, Map<String, Long>> countsFor = address -> mails.stream()
            .filter(mail -> mail.to().equals(address))
            .collect(Collectors.groupingBy(PilotPathwayProcessTest::kind, Collectors.counting()));
        for (String territory : PILOT_TERRITORIES) {
            for (String catalyst : List.of("cat1", "cat2")) {
                Map<String, Long> expected = new HashMap<>(Map.of("retenu", 1L, "convocation", 5L, "socle publié", 1L));
                if (LATE_WITH_S2.contains(territory)) {
                    expected.put("rappel", 1L);
                    expected.put("en retard", 1L);
                }
                assertThat(countsFor.apply(catalyst + "@" + territory + ".test")).as(catalyst + "." + territory)
                    .isEqualTo(expected);
            }
        }
        assertThat(countsFor.apply("cat.alpha@alpha.test")).as("an applicant not selected")
            .isEqualTo(Map.of("non retenu", 1L));
        Map<String, Long> programme = countsFor.apply("prog.test@catalyse.test");
        assertThat(programme).containsEntry("retard signalé", 1L)
            .containsEntry("fin du parcours", 1L)
            .containsEntry("socle publié", 1L)
            .doesNotContainKey("dépassement");
        Mailbox.Mail escalation = mails.stream()
            .filter(mail -> mail.to().equals("prog.test@catalyse.test"))
            .filter(mail -> kind(mail).equals("retard signalé"))
            .findFirst()
            .orElseThrow();
        assertThat(escalation.body())
            .contains("Territoire pilote p03", "Territoire pilote p07", "Territoire pilote p11")
            .doesNotContain("Territoire pilote p01");
    }

    static String kind(Mailbox.Mail mail) {
        String subject = mail.subject();
        if (subject.contains("est retenu")) {
            return "retenu";
        }
        if (subject.contains("réponse à la candidature")) {
            return "non retenu";
        }
        if (subject.startsWith("Convocation")) {
            return "convocation";
        }
        if (subject.contains("est publié")) {
            return "socle publié";
        }
        if (subject.startsWith("Rappel")) {
            return "rappel";
        }
        if (subject.startsWith("En retard")) {
            return "en retard";
        }
        if (subject.startsWith("Retard signalé")) {
            return "retard signalé";
        }
        if (subject.startsWith("Fin du parcours")) {
            return "fin du parcours";
        }
        return subject.contains("dépassement") ? "dépassement" : subject;
    }

    /**
     * What each actor answers, and when: three territories hand in their S2 deliverable a
     * week late.
     */
    Map<String, Object> answer(Task task) {
        String territory = (String) tasks.getVariable(task.getId(), "territory");
        return switch (task.getTaskDefinitionKey()) {
            case "Task_Apply" -> PILOT_TERRITORIES.contains(territory)
                    ? values("applying", "oui", "catalystOne", "cat1." + territory, "catalystTwo", "cat2." + territory,
                            "motivation", "Nous voulons structurer nos alliances locales.")
                    : "alpha".equals(territory) ? values("applying", "oui", "catalystOne", "cat.alpha", "catalystTwo",
                            "cat2.alpha", "motivation", "Nous aimerions rejoindre la cohorte.") : null;
            case "Task_ReviewApplications" -> values("selectedTerritories", FormValues.json(PILOT_TERRITORIES));
            case "Task_ValidateSelection" -> values("selectionDecision", "valider");
            case "Task_PrepareSession" -> values("sessionPlace", "Paris, Maison des associations", "sessionAgenda",
                    "Ateliers et retours d'expérience.");
            case "Task_RecordSession" -> values("attendance", FormValues.json(PILOT_TERRITORIES), "sessionMinutes",
                    "Tous les binômes étaient présents.");
            case "Task_SubmitDeliverable" -> deliverable(task, territory);
            case "Task_CapitaliseSession" ->
                values("sessionLessons", "Les territoires avancent à des rythmes différents.");
            case "Task_MonthlySupport" -> values("supportProgress", "Le comité local se réunit chaque mois.");
            case "Task_ConsolidateFoundation" ->
                values("foundationItems", tasks.getVariable(task.getId(), "foundationItems"));
            case "Task_ReviewFoundation" -> values("foundationOpinion", "approuve");
            case "Task_ValidateFoundation" -> values("foundationDecision",
                    foundationDecisions++ == 0 ? "renvoyer" : "valider", "committeeComment", "Relu en séance.");
            case "Task_ScaleUpDecision" ->
                values("scaleUpDecision", "pas-de-suite", "scaleUpNotes", "Attendre le bilan des dialogues.");
            default -> throw new AssertionError("Tâche inattendue : " + task.getTaskDefinitionKey());
        };
    }

    private Map<String, Object> deliverable(Task task, String territory) {
        String session = (String) tasks.getVariable(task.getId(), "session");
        boolean late = "S2".equals(session) && LATE_WITH_S2.contains(territory);
        if (late && ClockUtil.getCurrentTime()
            .before(new java.util.Date(task.getDueDate().getTime() + 7 * 86_400_000L))) {
            return null;
        }
        return CohortScenario.deliverable(territory, session);
    }

    @Test
    void theCommitteeCanExtendTheCallThenStopTheCohort() {
        ProcessInstance cohort = launch(LocalDate.now(fr.catalyse.platform.Deadlines.ZONE));
        String first = PILOT_TERRITORIES.get(0);
        Map<String, Object> applying = values("applying", "oui", "catalystOne", "cat1." + first, "catalystTwo",
                "cat2." + first, "motivation", "Nous voulons structurer nos alliances locales.");
        driver.run(cohort.getId(), task -> switch (task.getTaskDefinitionKey()) {
            case "Task_Apply" -> first.equals(tasks.getVariable(task.getId(), "territory")) ? applying : null;
            case "Task_ReviewApplications" -> values("selectedTerritories", FormValues.json(List.of(first)));
            default -> null;
        }, () -> driver.waitsAt(cohort.getId(), "Task_ValidateSelection"));
        assertThat(tasks.getVariable(tasks.createTaskQuery().processInstanceId(cohort.getId()).singleResult().getId(),
                "selectedCount"))
            .isEqualTo(1);

        String later = LocalDate.now(fr.catalyse.platform.Deadlines.ZONE).plusDays(60).toString();
        tasks.complete(task(cohort, "Task_ValidateSelection"),
                values("selectionDecision", "prolonger", "newApplicationDeadline", later));
        assertThat(cohort).hasPassed("Task_ReopenCall").isWaitingAt("Task_Apply");
        assertThat(tasks.createTaskQuery().processInstanceId(cohort.getId()).taskDefinitionKey("Task_Apply").list())
            .extracting(task -> tasks.getVariable(task.getId(), "territory"))
            .doesNotContain(first)
            .isNotEmpty();
        assertThat(cohorts.findByProcessInstanceId(cohort.getId()).orElseThrow().getApplicationDeadline())
            .isEqualTo(later);

        driver.run(cohort.getId(),
                task -> "Task_ReviewApplications".equals(task.getTaskDefinitionKey())
                        ? values("selectedTerritories", FormValues.json(List.of(first))) : null,
                () -> driver.waitsAt(cohort.getId(), "Task_ValidateSelection"));
        tasks.complete(task(cohort, "Task_ValidateSelection"), values("selectionDecision", "arreter"));

        assertThat(cohort).isEnded().hasPassed("Event_SelectionStopped", "EndEvent_CohortAbandoned");
        assertThat(cohorts.findByProcessInstanceId(cohort.getId()).orElseThrow().getStatus())
            .isEqualTo(CohortStatus.ABANDONED);
    }

    @Test
    void aCalendarOutOfOrderIsRefusedInFrench() {
        LocalDate start = LocalDate.now(fr.catalyse.platform.Deadlines.ZONE);
        Map<String, Object> calendar = values("cohortName", cohortName, "startDate", start.toString(),
                "targetTerritories", 12L, "applicationDeadline", start.plusDays(40).toString(), "sessionS1",
                start.plusDays(30).toString(), "sessionS2", start.plusDays(20).toString(), "sessionW",
                start.plusDays(120).toString(), "sessionS3", start.plusDays(180).toString(), "sessionS4",
                start.plusDays(240).toString());

        org.assertj.core.api.Assertions
            .assertThatThrownBy(() -> access.actingAs("prog.test",
                    () -> engine.getRuntimeService().startProcessInstanceByKey("pilot-pathway", calendar)))
            .hasMessageContaining(
                    "Calendrier incohérent : la session S1 doit avoir lieu après la date limite de candidature ; "
                            + "la session S2 doit suivre la session S1.");
    }

    @Test
    void theProgrammeTeamIsWarnedBeforeTheNinthMonthEndsAndTheCommitteeHearsOfAnOverrun() {
        ProcessInstance cohort = launch(LocalDate.now(fr.catalyse.platform.Deadlines.ZONE));
        engine.getRuntimeService()
            .createProcessInstanceModification(cohort.getId())
            .cancelAllForActivity("SubProcess_Selection")
            .startBeforeActivity("SubProcess_NineMonths")
            .setVariable("selectedTerritories", FormValues.json(List.of("p01")))
            .execute();
        for (String timer : List.of("Timer_PathwayEnding", "Timer_PathwayOverrun")) {
            var job = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(cohort.getId())
                .activityId(timer)
                .singleResult();
            ClockUtil.setCurrentTime(new java.util.Date(job.getDuedate().getTime() + 1_000));
            engine.getManagementService().executeJob(job.getId());
        }
        engine.getManagementService()
            .createJobQuery()
            .processInstanceId(cohort.getId())
            .messages()
            .list()
            .forEach(job -> engine.getManagementService().executeJob(job.getId()));

        assertThat(cohort).hasPassed("EndEvent_EndingWarned", "EndEvent_OverrunEscalated")
            .isWaitingAt("Task_PrepareSession");
        List<Mailbox.Mail> mails = mailbox.about(cohortName);
        assertThat(mails).filteredOn(mail -> kind(mail).equals("fin du parcours"))
            .extracting(Mailbox.Mail::to)
            .contains("prog.test@catalyse.test")
            .doesNotContain("comite.test@catalyse.test");
        assertThat(mails).filteredOn(mail -> kind(mail).equals("dépassement"))
            .extracting(Mailbox.Mail::to)
            .contains("prog.test@catalyse.test", "comite.test@catalyse.test");
    }

    @Test
    void theScaleUpCommitteeCanLaunchTheNextCohort() {
        ProcessInstance cohort = launch(LocalDate.now(fr.catalyse.platform.Deadlines.ZONE));
        engine.getRuntimeService()
            .createProcessInstanceModification(cohort.getId())
            .cancelAllForActivity("SubProcess_Selection")
            .startBeforeActivity("Task_ScaleUpDecision")
            .execute();
        String next = "Suite " + cohortName;
        LocalDate nextStart = LocalDate.now(fr.catalyse.platform.Deadlines.ZONE).plusMonths(2);
        tasks.complete(task(cohort, "Task_ScaleUpDecision"),
                values("scaleUpDecision", "nouvelle-cohorte", "nextCohortName", next, "nextCohortStart",
                        nextStart.toString(), "scaleUpNotes", "Étendre à douze nouveaux territoires."));

        assertThat(cohort).isEnded().hasPassed("EndEvent_NextCohortLaunched");
        assertThat(cohorts.findByProcessInstanceId(cohort.getId()).orElseThrow().getStatus())
            .isEqualTo(CohortStatus.CLOSED);
        ProcessInstance launched = engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("Cohorte " + next)
            .singleResult();
        Cohort nextCohort = cohorts.findByProcessInstanceId(launched.getId()).orElseThrow();
        assertThat(nextCohort.getStartDate()).isEqualTo(nextStart);
        assertThat(sessions.findByCohortOrderByPosition(nextCohort)).extracting(CollectiveSession::getPlannedDate)
            .containsExactly(nextStart.plusMonths(1), nextStart.plusMonths(2), nextStart.plusMonths(3),
                    nextStart.plusMonths(5), nextStart.plusMonths(8));
    }

    private String task(ProcessInstance cohort, String key) {
        return tasks.createTaskQuery().processInstanceId(cohort.getId()).taskDefinitionKey(key).singleResult().getId();
    }

}
