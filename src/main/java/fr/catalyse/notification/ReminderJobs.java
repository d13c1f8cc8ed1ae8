package fr.catalyse.notification;

import fr.catalyse.platform.EngineClock;
import java.util.ArrayList;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Reminders of every user task with a due date, without a line in the models: when a task
 * is created, an engine timer job is scheduled for the first reminder of its
 * {@link ReminderPlan}, and each reminder sent schedules the next; moving the due date
 * reschedules; completing or cancelling the task deletes the pending one. Giving a task
 * to someone schedules the notice of its assignment the same way. The jobs are ordinary
 * Camunda jobs: they run on any node, are retried with back-off when the mail server is
 * down and end as incidents on the task's process instance in Cockpit.
 */
@Component
class ReminderJobs extends AbstractProcessEnginePlugin {

    static final String TYPE = "catalyse-task-reminder";

    private final ReminderPolicy policy;

    private final TaskReminders reminders;

    private final IdentityService identity;

    ReminderJobs(ReminderPolicy policy, @Lazy TaskReminders reminders, @Lazy IdentityService identity) {
        this.policy = policy;
        this.reminders = reminders;
        this.identity = identity;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineJob.addHandler(configuration, new ReminderHandler());
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, ReminderJobs.this::schedule);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_UPDATE, task -> {
                    cancel(task);
                    schedule(task);
                });
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_ASSIGNMENT,
                        ReminderJobs.this::announceAssignment);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, ReminderJobs.this::cancel);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, ReminderJobs.this::cancel);
            }
        });
        configuration.setFailedJobCommandFactory(BackoffRetry::new);
    }

    private void schedule(DelegateTask task) {
        if (task.getDueDate() != null) {
            plan(task).first(EngineClock.date()).ifPresent(reminder -> create(task, reminder));
        }
    }

    private ReminderPlan plan(DelegateTask task) {
        return ReminderPlan.of(policy.forTask(processKey(task), task.getTaskDefinitionKey()), task.getDueDate());
    }

    /**
     * Someone else gave the task to its new assignee: they are told, unless they took it
     * themselves.
     */
    private void announceAssignment(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee != null && !assignee.equals(authenticatedUserId())) {
            create(task, new Step(task.getId(), ReminderStep.ASSIGNMENT, 1), EngineClock.date());
        }
    }

    private String authenticatedUserId() {
        return Optional.ofNullable(identity.getCurrentAuthentication()).map(person -> person.getUserId()).orElse(null);
    }

    private void cancel(DelegateTask task) {
        String prefix = task.getId() + Step.SEPARATOR;
        for (JobEntity job : Context.getCommandContext().getJobManager().findJobsByExecutionId(task.getExecutionId())) {
            if (TYPE.equals(job.getJobHandlerType()) && job.getJobHandlerConfigurationRaw().startsWith(prefix)) {
                job.delete();
            }
        }
    }

    private static void create(DelegateTask task, ReminderPlan.Reminder reminder) {
        create(task, new Step(task.getId(), reminder.step(), reminder.count()), reminder.date());
    }

    private static void create(DelegateTask task, Step step, Date dueDate) {
        EngineJob.of(TYPE, step.toCanonicalString(), dueDate)
            .atActivity(task.getTaskDefinitionKey())
            .scheduleOn((ExecutionEntity) task.getExecution(), Context.getCommandContext());
    }

    private static String processKey(DelegateTask task) {
        return TaskProcess.key(task);
    }

    /**
     * Job configuration: which task, which step, and for overdue reminders which
     * repetition.
     */
    record Step(String taskId, ReminderStep step, int count) implements JobHandlerConfiguration {

        static final String SEPARATOR = "|";

        static Step parse(String canonical) {
            String[] parts = canonical.split("\\|");
            return new Step(parts[0], ReminderStep.valueOf(parts[1]), Integer.parseInt(parts[2]));
        }

        @Override
        public String toCanonicalString() {
            return taskId + SEPARATOR + step + SEPARATOR + count;
        }
    }

    /**
     * Runs a reminder job: nothing if the task is gone, else the emails, then the next
     * overdue reminder.
     */
    private class ReminderHandler implements JobHandler<Step> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(Step step, ExecutionEntity execution, CommandContext context, String tenantId) {
            TaskEntity task = context.getTaskManager().findTaskById(step.taskId());
            if (task == null) {
                return;
            }
            reminders.send(task, step.step(), step.count());
            if (step.step() != ReminderStep.ASSIGNMENT && task.getDueDate() != null) {
                plan(task).after(step.step(), step.count(), EngineClock.date()).ifPresent(next -> create(task, next));
            }
        }

        @Override
        public Step newConfiguration(String canonicalString) {
            return Step.parse(canonicalString);
        }

        @Override
        public void onDelete(Step configuration, JobEntity job) {
            // nothing attached to a reminder job
        }

    }

}
