package fr.catalyse.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_SendEmail of the email-delivery process: runs the sender the instance was queued
 * for. A refused send fails the job, which the engine retries with the configured
 * back-off, then shows as an incident.
 */
@Component
class SendEmail implements JavaDelegate {

    static final String SENDER = "sender";
    static final String ARGUMENT = "argument";

    private final NoticeJobs jobs;

    SendEmail(NoticeJobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public void execute(DelegateExecution execution) {
        jobs.run((String) execution.getVariable(SENDER), (String) execution.getVariable(ARGUMENT));
    }

}
