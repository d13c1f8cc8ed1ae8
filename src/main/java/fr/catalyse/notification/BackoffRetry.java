package fr.catalyse.notification;

import org.camunda.bpm.engine.impl.bpmn.parser.FailedJobRetryConfiguration;
import org.camunda.bpm.engine.impl.cmd.DefaultJobRetryCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.util.ParseUtil;

/**
 * The engine applies the configured retry back-off (failed-job-retry-time-cycle) only to
 * jobs of BPMN elements; without this, a reminder job would burn its retries at once
 * while the mail server is down. Reminder and notice jobs get the same back-off; every
 * other job keeps the engine's behaviour.
 */
class BackoffRetry extends DefaultJobRetryCmd {

    BackoffRetry(String jobId, Throwable exception) {
        super(jobId, exception);
    }

    @Override
    public Object execute(CommandContext commandContext) {
        JobEntity job = getJob();
        if (job == null || !(ReminderJobs.TYPE.equals(job.getJobHandlerType())
                || NoticeJobs.TYPE.equals(job.getJobHandlerType()))) {
            return super.execute(commandContext);
        }
        try {
            executeCustomStrategy(commandContext, job, null);
        }
        catch (Exception unusableCycle) {
            executeStandardStrategy(commandContext);
        }
        return null;
    }

    @Override
    public FailedJobRetryConfiguration getFailedJobRetryConfiguration(JobEntity job, ActivityImpl activity) {
        if (activity != null) {
            return super.getFailedJobRetryConfiguration(job, activity);
        }
        String cycle = Context.getProcessEngineConfiguration().getFailedJobRetryTimeCycle();
        return cycle == null ? null : ParseUtil.parseRetryIntervals(cycle);
    }

}
