package fr.catalyse.demo;

import fr.catalyse.access.AccessDirectory;
import fr.catalyse.platform.EngineClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Plays demo processes through the real models, as their actors would: starts, task
 * completions, due jobs.
 */
@Component
class DemoPlayer {

    private final RuntimeService runtime;

    private final TaskService tasks;

    private final ManagementService management;

    private final HistoryService history;

    private final AccessDirectory access;

    DemoPlayer(RuntimeService runtime, TaskService tasks, ManagementService management, HistoryService history,
            AccessDirectory access) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.management = management;
        this.history = history;
        this.access = access;
    }

    /**
     * Whether a process with this business key was ever started: the demo seeds each one
     * once.
     */
    boolean played(String businessKey) {
        return history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() > 0;
    }

    /**
     * Starts a process as a user, so that it records who launched it; returns the
     * instance id.
     */
    String start(String userId, String processKey, Map<String, Object> variables) {
        return access.actingAs(userId, () -> runtime.startProcessInstanceByKey(processKey, variables)).getId();
    }

    /**
     * Completes every open task with that key, with the answer's values, unless the
     * answer is null.
     */
    int complete(String processInstance, String taskKey, Function<Task, Map<String, Object>> answer) {
        int completed = 0;
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstance).taskDefinitionKey(taskKey).list()) {
            Map<String, Object> values = answer.apply(task);
            if (values != null) {
                tasks.complete(task.getId(), new HashMap<>(values));
                completed++;
            }
        }
        return completed;
    }

    /**
     * Completes every open task with that key as {@link #complete} does, each on the
     * engine's clock set that long before the task's due date: a demo played today about
     * a cohort started months ago hands its deliverables in on time, as the story says,
     * instead of all late. The clock is the engine's (what records and due dates read);
     * it is reset after each task.
     */
    int completeBeforeDue(String processInstance, String taskKey, Duration early,
            Function<Task, Map<String, Object>> answer) {
        int completed = 0;
        for (Task task : tasks.createTaskQuery().processInstanceId(processInstance).taskDefinitionKey(taskKey).list()) {
            Map<String, Object> values = answer.apply(task);
            if (values == null) {
                continue;
            }
            Instant onTime = task.getDueDate() == null ? null : task.getDueDate().toInstant().minus(early);
            if (onTime != null && onTime.isBefore(EngineClock.now())) {
                EngineClock.runAt(onTime, () -> tasks.complete(task.getId(), new HashMap<>(values)));
            }
            else {
                tasks.complete(task.getId(), new HashMap<>(values));
            }
            completed++;
        }
        return completed;
    }

    /**
     * Runs the jobs waiting at an activity now, whatever their due date: a timer fires,
     * an async step runs.
     */
    void runJobs(String processInstance, String activityId) {
        for (Job job : management.createJobQuery().processInstanceId(processInstance).activityId(activityId).list()) {
            management.executeJob(job.getId());
        }
    }

    Object variable(Task task, String name) {
        return tasks.getVariable(task.getId(), name);
    }

}
