package fr.catalyse.notification;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Keeps Catalyse's own jobs of an instance — pending task reminders and notices — when
 * the instance moves to another version of its process. The engine's migration only knows
 * the jobs a model declares (timers, asynchronous steps): a timer job of ours is matched
 * against the model by its activity id, finds no timer there and is dropped, so a
 * migrated task would never be reminded again. They are taken off before the migration
 * and put back after it, attached to the same task (found by its id, which a migration
 * keeps) or to the instance, with the same due date and retries (one more try for a job
 * that had run out of them).
 *
 * <p>
 * Both calls run as engine commands: inside the caller's transaction, they commit or roll
 * back with the migration they surround.
 */
@NamedInterface("migration")
@Component
public class JobsAcrossVersions {

    private static final Set<String> OWN_TYPES = Set.of(ReminderJobs.TYPE, NoticeJobs.TYPE);

    private final ProcessEngine engine;

    JobsAcrossVersions(@Lazy ProcessEngine engine) {
        this.engine = engine;
    }

    /** What was taken off an instance, to put back with {@link #restore}. */
    public record Detached(String processInstanceId, List<Kept> jobs) {

        public int count() {
            return jobs.size();
        }
    }

    /** One job of ours, as it was. */
    record Kept(String type, String configuration, Date dueDate, int retries, String taskId) {
    }

    /** Deletes Catalyse's own jobs of the instance and returns them. */
    public Detached detach(String processInstanceId) {
        return configuration().getCommandExecutorTxRequired().execute(context -> {
            List<Kept> kept = new ArrayList<>();
            for (JobEntity job : context.getJobManager().findJobsByProcessInstanceId(processInstanceId)) {
                if (OWN_TYPES.contains(job.getJobHandlerType())) {
                    String configuration = job.getJobHandlerConfigurationRaw();
                    String taskId = ReminderJobs.TYPE.equals(job.getJobHandlerType())
                            ? ReminderJobs.Step.parse(configuration).taskId() : null;
                    kept.add(new Kept(job.getJobHandlerType(), configuration, job.getDuedate(), job.getRetries(),
                            taskId));
                    job.delete();
                }
            }
            return new Detached(processInstanceId, kept);
        });
    }

    /**
     * Puts the jobs back on the instance as it is now (its new version). A reminder whose
     * task no longer exists (the new version removed the activity) is not put back.
     * @return how many were put back
     */
    public int restore(Detached detached) {
        return configuration().getCommandExecutorTxRequired().execute(context -> {
            int restored = 0;
            for (Kept job : detached.jobs()) {
                ExecutionEntity execution = executionFor(context, detached.processInstanceId(), job);
                if (execution != null) {
                    schedule(context, execution, job);
                    restored++;
                }
            }
            return restored;
        });
    }

    private static ExecutionEntity executionFor(CommandContext context, String processInstanceId, Kept job) {
        if (job.taskId() == null) {
            return context.getExecutionManager().findExecutionById(processInstanceId);
        }
        TaskEntity task = context.getTaskManager().findTaskById(job.taskId());
        return task == null ? null : task.getExecution();
    }

    private static void schedule(CommandContext context, ExecutionEntity execution, Kept kept) {
        // A job out of retries had an incident, which deleting it closed: it gets one
        // more try on the new
        // version, and a new incident if it fails again.
        EngineJob job = EngineJob.of(kept.type(), kept.configuration(), kept.dueDate())
            .withRetries(Math.max(1, kept.retries()));
        if (kept.taskId() != null) {
            // ReminderJobs finds a task's reminders by the task's execution and names
            // them by its key.
            job.atActivity(context.getTaskManager().findTaskById(kept.taskId()).getTaskDefinitionKey());
        }
        job.scheduleOn(execution, context);
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

}
