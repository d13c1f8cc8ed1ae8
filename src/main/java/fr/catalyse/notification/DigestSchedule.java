package fr.catalyse.notification;

import fr.catalyse.platform.Seeder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Keeps one weekly-digest process running, waiting for the configured day and time:
 * started on the first start, and its waiting timer moved when the configuration changed.
 */
@Component
@Order(40)
class DigestSchedule implements Seeder {

    static final String PROCESS_KEY = "weekly-digest";

    private final RuntimeService runtime;

    private final ManagementService management;

    private final WeeklyDigests digests;

    DigestSchedule(RuntimeService runtime, ManagementService management, WeeklyDigests digests) {
        this.runtime = runtime;
        this.management = management;
        this.digests = digests;
    }

    @Override
    public void seed() {
        ProcessInstance running = runtime.createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .active()
            .singleResult();
        if (running == null) {
            if (digests.enabled()) {
                runtime.startProcessInstanceByKey(PROCESS_KEY, "Récapitulatif hebdomadaire");
            }
            return;
        }
        Job waiting = management.createJobQuery()
            .processInstanceId(running.getId())
            .activityId("Timer_DigestTime")
            .singleResult();
        if (waiting != null && !waiting.getDuedate().equals(digests.nextRun())) {
            management.setJobDuedate(waiting.getId(), digests.nextRun());
        }
    }

}
