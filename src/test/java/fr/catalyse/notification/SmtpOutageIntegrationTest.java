package fr.catalyse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.partnership.PartnershipScenario;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Nothing is lost when the mail server is down: 110 reminders fall due during an outage,
 * fail and wait with back-off; once the server is back every one of them is delivered,
 * exactly once.
 */
class SmtpOutageIntegrationTest extends IntegrationTestSupport {

    static final int PARTNERSHIPS = 110;

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @AfterEach
    void serverBack() {
        ClockUtil.reset();
        if (!smtp.isRunning()) {
            smtp.start();
        }
    }

    @Test
    void everyReminderFallingDueDuringAnOutageIsDeliveredOnceAfterIt() {
        registerTestDirectory();
        String batch = "Panne " + UUID.randomUUID().toString().substring(0, 8);
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < PARTNERSHIPS; i++) {
            String name = batch + " n° " + i;
            instances.add(access
                .actingAs("cat.alpha",
                        () -> engine.getRuntimeService()
                            .startProcessInstanceByKey("partnership-lifecycle", PartnershipScenario.startValues(name)))
                .getId());
        }
        List<Job> due = beforeReminders(instances);
        assertThat(due).hasSize(PARTNERSHIPS);
        ClockUtil.setCurrentTime(
                new Date(due.stream().mapToLong(job -> job.getDuedate().getTime()).max().orElseThrow() + 1_000));

        smtp.stop();
        int failed = runDue(instances);
        assertThat(failed).isEqualTo(PARTNERSHIPS);
        assertThat(beforeReminders(instances)).allSatisfy(job -> {
            assertThat(job.getRetries()).isEqualTo(5);
            assertThat(job.getDuedate()).isAfter(ClockUtil.getCurrentTime());
        });

        smtp.start();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 60_000));
        assertThat(runDue(instances)).isZero();
        assertThat(runDue(instances)).isZero();

        Map<String, Long> perTask = new Mailbox(smtp).about(batch)
            .stream()
            .collect(Collectors.groupingBy(mail -> taskIn(mail.body()), Collectors.counting()));
        assertThat(perTask).hasSize(PARTNERSHIPS);
        assertThat(perTask.values()).containsOnly(1L);
        assertThat(beforeReminders(instances)).isEmpty();
    }

    /** Runs every reminder job due now; returns how many failed. */
    private int runDue(List<String> instances) {
        ManagementService management = engine.getManagementService();
        int failed = 0;
        for (Job job : beforeReminders(instances)) {
            if (!job.getDuedate().after(ClockUtil.getCurrentTime())) {
                try {
                    management.executeJob(job.getId());
                }
                catch (RuntimeException refused) {
                    failed++;
                }
            }
        }
        return failed;
    }

    private List<Job> beforeReminders(List<String> instances) {
        Function<String, List<Job>> jobsOf = instance -> engine.getManagementService()
            .createJobQuery()
            .processInstanceId(instance)
            .list();
        return instances.stream()
            .flatMap(instance -> jobsOf.apply(instance).stream())
            .filter(job -> ((JobEntity) job).getJobHandlerConfigurationRaw().contains("|BEFORE|"))
            .toList();
    }

    private static String taskIn(String body) {
        int start = body.indexOf("?task=") + 6;
        return body.substring(start, body.indexOf(' ', start) < 0 ? start + 36 : Math.min(start + 36, body.length()));
    }

}
