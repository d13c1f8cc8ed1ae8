package fr.catalyse.notification;

import fr.catalyse.platform.EngineClock;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandler;
import org.camunda.bpm.engine.impl.jobexecutor.JobHandlerConfiguration;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.context.annotation.Lazy;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Queues a notice as an engine job: it runs on any node at once, is retried with back-off
 * when the mail server is down, and ends as an incident in Cockpit. A notice about a
 * process is a job of its instance ({@link #schedule}); one that no process carries
 * (welcome, password link, alert about an address) is the job of its own small «
 * email-delivery » instance ({@link #queue}), so Cockpit shows it too.
 */
@NamedInterface("emails")
@Component
public class NoticeJobs extends AbstractProcessEnginePlugin {

    static final String TYPE = "catalyse-notice";

    /**
     * The process whose one asynchronous task sends a notice no other process carries.
     */
    public static final String PROCESS_KEY = "email-delivery";

    private final List<NoticeSender> senders;

    private final ProcessEngine engine;

    NoticeJobs(@Lazy List<NoticeSender> senders, @Lazy ProcessEngine engine) {
        this.senders = senders;
        this.engine = engine;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineJob.addHandler(configuration, new NoticeHandler());
    }

    /** Queues {@code sender.send(argument)} on the process instance, due now. */
    public void schedule(String processInstanceId, String sender, String argument) {
        configuration().getCommandExecutorTxRequired().execute(context -> {
            EngineJob.of(TYPE, new Notice(sender, argument).toCanonicalString(), EngineClock.date())
                .scheduleOn(context.getExecutionManager().findExecutionById(processInstanceId), context);
            return null;
        });
    }

    /**
     * Queues {@code sender.send(argument)} as an email-delivery instance, in the caller's
     * transaction: the notice exists exactly when what asked for it commits (an import
     * rolled back queues nothing).
     * @param label the instance's business key, what Cockpit shows, e.g. "Bienvenue —
     * nina.martin"
     * @return the instance's id
     */
    public String queue(String sender, String argument, String label) {
        return start(configuration().getCommandExecutorTxRequired(), sender, argument, label);
    }

    /**
     * The same, committed at once in its own transaction: for a notice caused by a record
     * already committed on its own (an unusable address), which a later rollback of the
     * caller must not lose.
     */
    public String queueCommitted(String sender, String argument, String label) {
        return start(configuration().getCommandExecutorTxRequiresNew(), sender, argument, label);
    }

    private String start(org.camunda.bpm.engine.impl.interceptor.CommandExecutor executor, String sender,
            String argument, String label) {
        // Whoever caused the notice (an anonymous visitor, a participant completing a
        // task) may not start
        // processes: the notice is the application's own work.
        return executor.execute(context -> context.runWithoutAuthorization(() -> engine.getRuntimeService()
            .createProcessInstanceByKey(PROCESS_KEY)
            .businessKey(truncate(label, 255))
            .setVariable(SendEmail.SENDER, sender)
            .setVariable(SendEmail.ARGUMENT, argument)
            .execute()
            .getId()));
    }

    /**
     * Whether a notice queued under this label (business key) is still to be sent: its
     * job has tries left. One that ended as an incident no longer counts, so a new
     * request is not held up by it.
     */
    public boolean waiting(String label) {
        return engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(PROCESS_KEY)
            .processInstanceBusinessKey(truncate(label, 255))
            .list()
            .stream()
            .anyMatch(instance -> engine.getManagementService()
                .createJobQuery()
                .processInstanceId(instance.getId())
                .withRetriesLeft()
                .count() > 0);
    }

    /** Runs the named sender; unknown names fail the job, so they show as incidents. */
    void run(String sender, String argument) {
        senders.stream()
            .filter(candidate -> candidate.name().equals(sender))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("Expéditeur inconnu : " + sender))
            .send(argument);
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** Job configuration: which sender, with what. */
    record Notice(String sender, String argument) implements JobHandlerConfiguration {

        static Notice parse(String canonical) {
            int separator = canonical.indexOf('|');
            return new Notice(canonical.substring(0, separator), canonical.substring(separator + 1));
        }

        @Override
        public String toCanonicalString() {
            return sender + "|" + argument;
        }
    }

    private class NoticeHandler implements JobHandler<Notice> {

        @Override
        public String getType() {
            return TYPE;
        }

        @Override
        public void execute(Notice notice, ExecutionEntity execution, CommandContext context, String tenantId) {
            run(notice.sender(), notice.argument());
        }

        @Override
        public Notice newConfiguration(String canonicalString) {
            return Notice.parse(canonicalString);
        }

        @Override
        public void onDelete(Notice configuration, JobEntity job) {
            // nothing attached to a notice job
        }

    }

}
