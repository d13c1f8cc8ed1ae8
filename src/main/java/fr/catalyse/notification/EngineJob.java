package fr.catalyse.notification;

import java.util.ArrayList;
import java.util.Date;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;

/**
 * One of Catalyse's own engine jobs (a task reminder, a notice), built and scheduled here
 * only: the engine has no public API for a job no model declares, so this class holds the
 * internals it takes (a {@link TimerEntity}, the job manager, the configuration's custom
 * handlers; see docs/engine-internals.md). A timer rather than a plain message job
 * because it carries a due date, and the job executor picks due timers up like any other
 * job.
 */
final class EngineJob {

    private final TimerEntity timer = new TimerEntity();

    private EngineJob(String type, String configuration, Date dueDate) {
        timer.setJobHandlerType(type);
        timer.setJobHandlerConfigurationRaw(configuration);
        timer.setDuedate(dueDate);
    }

    /** A job run by the handler of that type with its configuration, due at that date. */
    static EngineJob of(String type, String configuration, Date dueDate) {
        return new EngineJob(type, configuration, dueDate);
    }

    /**
     * The activity it belongs to: a task's reminders carry the task's key, so Cockpit
     * shows them on the task.
     */
    EngineJob atActivity(String activityId) {
        timer.setActivityId(activityId);
        return this;
    }

    EngineJob withRetries(int retries) {
        timer.setRetries(retries);
        return this;
    }

    /**
     * Schedules it on the execution (its process definition, deployment and tenant), in
     * the command's transaction.
     */
    void scheduleOn(ExecutionEntity execution, CommandContext context) {
        timer.setExecution(execution);
        timer.setProcessDefinitionId(execution.getProcessDefinitionId());
        timer.setProcessDefinitionKey(execution.getProcessDefinition().getKey());
        timer.setDeploymentId(execution.getProcessDefinition().getDeploymentId());
        timer.setTenantId(execution.getTenantId());
        context.getJobManager().schedule(timer);
    }

    /**
     * Makes the engine run the jobs of a handler's type; called from a plugin's
     * {@code preInit}.
     */
    static void addHandler(ProcessEngineConfigurationImpl configuration, JobHandler<?> handler) {
        if (configuration.getCustomJobHandlers() == null) {
            configuration.setCustomJobHandlers(new ArrayList<>());
        }
        configuration.getCustomJobHandlers().add(handler);
    }

}
