package fr.catalyse;

import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;

/**
 * Plays a process instance through time: completes the open tasks a responder answers,
 * then moves the engine clock to the earliest due job of the instance and runs it, and so
 * on. Time only goes forward, jobs run in due-date order, as the job executor would run
 * them.
 */
public final class ProcessDriver {

    /** Decides what to submit for an open task, or null to leave it open for now. */
    @FunctionalInterface
    public interface Responder {

        Map<String, Object> answer(Task task);

    }

    private final ProcessEngine engine;

    public ProcessDriver(ProcessEngine engine) {
        this.engine = engine;
    }

    /**
     * Runs until the condition holds or nothing is left to do; returns how many jobs ran.
     */
    public int run(String processInstanceId, Responder responder, BooleanSupplier done) {
        int jobs = 0;
        while (!done.getAsBoolean()) {
            if (answerOpenTasks(processInstanceId, responder)) {
                continue;
            }
            List<Job> due = engine.getManagementService()
                .createJobQuery()
                .processInstanceId(processInstanceId)
                .active()
                .withRetriesLeft()
                .orderByJobDuedate()
                .asc()
                .list();
            if (due.isEmpty()) {
                return jobs;
            }
            Job next = due.stream().filter(job -> job.getDuedate() == null).findFirst().orElse(due.get(0));
            if (next.getDuedate() != null && next.getDuedate().after(ClockUtil.getCurrentTime())) {
                ClockUtil.setCurrentTime(new Date(next.getDuedate().getTime() + 1_000));
            }
            engine.getManagementService().executeJob(next.getId());
            jobs++;
        }
        return jobs;
    }

    private boolean answerOpenTasks(String processInstanceId, Responder responder) {
        boolean answered = false;
        for (Task task : engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .orderByTaskCreateTime()
            .asc()
            .list()) {
            Map<String, Object> values = responder.answer(task);
            if (values != null) {
                engine.getTaskService().complete(task.getId(), values);
                answered = true;
            }
        }
        return answered;
    }

    public boolean ended(String processInstanceId) {
        return engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .count() == 0;
    }

    public boolean waitsAt(String processInstanceId, String taskKey) {
        return engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(processInstanceId)
            .taskDefinitionKey(taskKey)
            .count() > 0;
    }

}
