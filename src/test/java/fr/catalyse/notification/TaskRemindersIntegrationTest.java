package fr.catalyse.notification;

import static fr.catalyse.partnership.PartnershipScenario.json;
import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.partnership.PartnershipScenario;
import fr.catalyse.platform.Deadlines;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Reminders of the partnership's tasks, through the real model, engine jobs and a real
 * SMTP server.
 */
class TaskRemindersIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ProcessEngine engine;

    @Autowired
    fr.catalyse.access.AccessDirectory access;

    @Autowired
    TaskReminders reminders;

    @Autowired
    NotificationRecordRepository records;

    @Autowired
    JavaMailSenderImpl mailSender;

    PartnershipScenario scenario;

    Mailbox mailbox;

    @BeforeEach
    void territories() {
        registerTestDirectory();
        scenario = new PartnershipScenario(engine, access);
        mailbox = new Mailbox(smtp);
    }

    @AfterEach
    void resetClockAndMailServer() {
        ClockUtil.reset();
        mailSender.setPort(fr.catalyse.TestInfrastructure.SMTP_PORT);
    }

    @Test
    void theAssigneeIsRemindedBeforeTheDueDateInFrenchWithALinkToTheTask() {
        scenario.start("Rappel avant échéance");
        var task = scenario.task("Task_SharedDiagnostic");
        assertThat(reminderJobs("Task_SharedDiagnostic")).as("one job at a time: the first reminder")
            .extracting(PartnershipScenario::reminderStep)
            .containsExactly("BEFORE|1");

        scenario.fire(scenario.reminder("Task_SharedDiagnostic"));
        assertThat(PartnershipScenario.reminderStep(scenario.reminder("Task_SharedDiagnostic"))).isEqualTo("OVERDUE|1");

        List<Mailbox.Mail> mails = mailbox.about("alpha / Rappel avant échéance");
        assertThat(mails).extracting(Mailbox.Mail::to).containsExactly("cat.alpha@alpha.test");
        Mailbox.Mail mail = mails.get(0);
        assertThat(mail.subject())
            .isEqualTo("Rappel : « Établir le diagnostic partagé du territoire » est à terminer d'ici le "
                    + FrenchDates.day(task.getDueDate()));
        assertThat(mail.body()).contains("Bonjour Alice Alpha", "Territoire Alpha",
                FrenchDates.dayAndTime(task.getDueDate()),
                "https://catalyse.test/camunda/app/tasklist/default/#/?task=" + task.getId());
        assertThat(FrenchDates.dayAndTime(task.getDueDate()))
            .matches("[a-z]+ \\d{1,2} [a-zéû]+ \\d{4} à \\d{2}h\\d{2}");
    }

    @Test
    void completingATaskStopsItsReminders() {
        scenario.start("Rappels arrêtés");
        String diagnostic = scenario.task("Task_SharedDiagnostic").getId();
        scenario.complete("Task_SharedDiagnostic", values("fragilities", json("emploi"), "territoryAssets",
                "Des atouts nombreux.", "keyActors", "La mairie et ses partenaires."));

        assertThat(engine.getManagementService().createJobQuery().processInstanceId(scenario.id()).list())
            .filteredOn(PartnershipScenario::isReminder)
            .extracting(TaskRemindersIntegrationTest::taskOf)
            .doesNotContain(diagnostic)
            .isNotEmpty();
    }

    @Test
    void lateGroupTasksRemindTheCandidatesWeeklyThenEscalateToTheCatalystInCharge() {
        scenario.start("Enjeux en retard");
        scenario.complete("Task_SharedDiagnostic", values("fragilities", json("emploi"), "territoryAssets",
                "Des atouts nombreux.", "keyActors", "La mairie et ses partenaires."));
        scenario.complete("Task_MapStakeholders", values("candidateOrganisations", json("asso-alpha")));
        scenario.complete("Task_AcquaintanceMeeting", values("meetingDate", "2027-01-15", "attendeeCount", 5,
                "meetingSummary", "Une rencontre riche et utile."));

        Date due = scenario.task("Task_ValidateSharedStakes").getDueDate();
        scenario.remindUntil("Task_ValidateSharedStakes", "OVERDUE");
        assertThat(mailbox.about("alpha / Enjeux en retard")).extracting(Mailbox.Mail::to, Mailbox.Mail::subject)
            .containsExactly(
                    org.assertj.core.groups.Tuple.tuple("elu.alpha@alpha.test",
                            "Rappel : « Valider les enjeux partagés » est à terminer d'ici le " + FrenchDates.day(due)),
                    org.assertj.core.groups.Tuple.tuple("elu.alpha@alpha.test",
                            "En retard : « Valider les enjeux partagés » était attendu le " + FrenchDates.day(due)));
        Job escalation = scenario.reminder("Task_ValidateSharedStakes");
        assertThat(PartnershipScenario.reminderStep(escalation))
            .as("escalation a week late, before the next weekly reminder")
            .isEqualTo("ESCALATION|1");
        assertThat(escalation.getDuedate()).isEqualTo(Deadlines.after(due, "P7D"));

        scenario.fire(escalation);
        List<Mailbox.Mail> escalations = mailbox.about("alpha / Enjeux en retard")
            .stream()
            .filter(mail -> mail.subject().startsWith("Retard signalé"))
            .toList();
        assertThat(escalations).extracting(Mailbox.Mail::to).containsExactly("cat.alpha@alpha.test");
        assertThat(escalations.get(0).subject())
            .isEqualTo("Retard signalé — Territoire Alpha : « Valider les enjeux partagés »");
        assertThat(escalations.get(0).body()).contains("En retard dans cette démarche", "Valider les enjeux partagés");
        Job weekly = scenario.reminder("Task_ValidateSharedStakes");
        assertThat(PartnershipScenario.reminderStep(weekly)).isEqualTo("OVERDUE|2");
        assertThat(weekly.getDuedate()).isEqualTo(Deadlines.after(due, "P8D"));
    }

    @Test
    void lateCatalystTasksEscalateToTheProgrammeTeam() {
        scenario.start("Catalyseur en retard");
        scenario.remindUntil("Task_SharedDiagnostic", "ESCALATION");

        assertThat(mailbox.about("alpha / Catalyseur en retard"))
            .filteredOn(mail -> mail.subject().startsWith("Retard signalé"))
            .extracting(Mailbox.Mail::to)
            .contains("prog.test@catalyse.test")
            .doesNotContain("cat.alpha@alpha.test", "elu.alpha@alpha.test");
    }

    @Test
    void aReminderAlreadySentIsNotSentAgain() {
        scenario.start("Pas de doublon");
        String taskId = scenario.task("Task_SharedDiagnostic").getId();
        sendAgain(taskId);
        sendAgain(taskId);

        assertThat(mailbox.about("alpha / Pas de doublon")).hasSize(1);
        assertThat(records.findByProcessInstanceIdOrderByCreatedAt(scenario.id())).singleElement()
            .satisfies(record -> assertThat(record.getStatus()).isEqualTo(NotificationStatus.SENT));
    }

    @Test
    void withTheMailServerDownAReminderIsRetriedWithBackOffThenShowsAsAnIncident() {
        scenario.start("Serveur de courriel arrêté");
        Job job = scenario.reminder("Task_SharedDiagnostic");
        mailSender.setPort(fr.catalyse.TestInfrastructure.freePort());

        ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
            .hasMessageContaining("Envoi impossible");
        Job retried = engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult();
        assertThat(retried.getRetries()).as("five retries left: after 1, 5, 15, 60 and 240 minutes").isEqualTo(5);
        assertThat(retried.getDuedate()).isAfter(ClockUtil.getCurrentTime());
        for (int attempt = 0; attempt < 5; attempt++) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                .hasMessageContaining("Envoi impossible");
        }
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(scenario.id()).list())
            .extracting(incident -> incident.getActivityId())
            .containsExactly("Task_SharedDiagnostic");
        assertThat(records.findByProcessInstanceIdOrderByCreatedAt(scenario.id())).singleElement()
            .satisfies(record -> assertThat(record.getStatus()).isEqualTo(NotificationStatus.FAILED));
        assertThat(mailbox.about("alpha / Serveur de courriel arrêté")).isEmpty();

        mailSender.setPort(fr.catalyse.TestInfrastructure.SMTP_PORT);
        engine.getManagementService().setJobRetries(job.getId(), 1);
        engine.getManagementService().executeJob(job.getId());
        assertThat(mailbox.about("alpha / Serveur de courriel arrêté")).hasSize(1);
        assertThat(records.findByProcessInstanceIdOrderByCreatedAt(scenario.id())).singleElement()
            .satisfies(record -> assertThat(record.getStatus()).isEqualTo(NotificationStatus.SENT));
    }

    private void sendAgain(String taskId) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
            .execute(context -> {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                reminders.send(task, ReminderStep.BEFORE, 1);
                return null;
            });
    }

    private List<Job> reminderJobs(String taskKey) {
        String taskId = scenario.task(taskKey).getId();
        return engine.getManagementService()
            .createJobQuery()
            .processInstanceId(scenario.id())
            .list()
            .stream()
            .filter(PartnershipScenario::isReminder)
            .filter(job -> taskOf(job).equals(taskId))
            .toList();
    }

    static String taskOf(Job job) {
        return ((JobEntity) job).getJobHandlerConfigurationRaw().split("\\|")[0];
    }

}
