package fr.catalyse.notification;

import static fr.catalyse.platform.ProcessVariables.CATALYST;
import static fr.catalyse.platform.ProcessVariables.TERRITORY;
import static fr.catalyse.platform.ProcessVariables.TERRITORY_NAME;

import fr.catalyse.access.Role;
import fr.catalyse.platform.CatalyseProperties;
import fr.catalyse.platform.EngineClock;
import fr.catalyse.platform.WithoutAuthorization;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The emails of a reminder step: a reminder or an overdue notice to everyone who still
 * has to act on the task, or an escalation, listing what is late in the same process, to
 * whoever must step in.
 */
@Component
class TaskReminders {

    private final People people;

    private final Mailer mailer;

    private final MailTemplates templates;

    private final CatalyseProperties application;

    private final ReminderPolicy policy;

    private final TaskService tasks;

    TaskReminders(People people, Mailer mailer, MailTemplates templates, CatalyseProperties application,
            ReminderPolicy policy, @Lazy TaskService tasks) {
        this.people = people;
        this.mailer = mailer;
        this.templates = templates;
        this.application = application;
        this.policy = policy;
        this.tasks = tasks;
    }

    void send(DelegateTask task, ReminderStep step, int count) {
        if (step == ReminderStep.ESCALATION) {
            escalate(task);
            return;
        }
        if (step == ReminderStep.ASSIGNMENT) {
            announce(task);
            return;
        }
        boolean late = step == ReminderStep.OVERDUE;
        String subject = late
                ? "En retard : « " + task.getName() + " » était attendu le " + FrenchDates.day(task.getDueDate())
                : "Rappel : « " + task.getName() + " » est à terminer d'ici le " + FrenchDates.day(task.getDueDate());
        for (Recipient recipient : people.whoMustAct(task)) {
            Map<String, Object> model = about(task);
            model.put("recipient", recipient.name());
            model.put("late", late);
            mailer.deliver(new Email(key(step, task, count, recipient),
                    late ? NotificationKind.OVERDUE : NotificationKind.REMINDER, PreferenceKind.RAPPELS, recipient,
                    subject, templates.render("task-reminder", model), application.taskLink(task.getId()), List.of(),
                    territory(task), task.getProcessInstanceId(), task.getId()));
        }
    }

    private void announce(DelegateTask task) {
        if (task.getAssignee() == null) {
            return;
        }
        people.user(task.getAssignee()).ifPresent(assignee -> {
            Map<String, Object> model = about(task);
            model.put("recipient", assignee.name());
            mailer.deliver(new Email("task:ASSIGNMENT:" + task.getId() + ":" + assignee.userId(),
                    NotificationKind.ASSIGNMENT, PreferenceKind.ATTRIBUTIONS, assignee,
                    "Nouvelle tâche pour vous : « " + task.getName() + " »", templates.render("task-assigned", model),
                    application.taskLink(task.getId()), List.of(), territory(task), task.getProcessInstanceId(),
                    task.getId()));
        });
    }

    private void escalate(DelegateTask task) {
        List<Task> lateTasks = WithoutAuthorization.call(() -> tasks.createTaskQuery()
            .processInstanceId(task.getProcessInstanceId())
            .dueBefore(EngineClock.date())
            .orderByDueDate()
            .asc()
            .list());
        List<Map<String, String>> late = lateTasks.stream().map(this::line).toList();
        String subject = "Retard signalé" + territoryLabel(task) + " : « " + task.getName() + " »";
        boolean toProgramme = escalatesToProgramme(task);
        for (Recipient recipient : toProgramme ? people.members(Role.PROGRAMME_TEAM.groupId())
                : catalystsInCharge(task)) {
            Map<String, Object> model = about(task);
            model.put("recipient", recipient.name());
            model.put("lateTasks", late);
            // The programme team hears once a day per kind of task and process, with
            // every late one listed,
            // however many territories' tasks fall late together.
            String key = toProgramme
                    ? String.join(":", "task", "ESCALATION", task.getProcessInstanceId(), task.getTaskDefinitionKey(),
                            FrenchDates.isoDay(task.getDueDate()), recipient.userId())
                    : key(ReminderStep.ESCALATION, task, 1, recipient);
            mailer.deliver(new Email(key, NotificationKind.ESCALATION, PreferenceKind.ESCALADES, recipient, subject,
                    templates.render("task-escalation", model), application.taskLink(task.getId()), List.of(),
                    territory(task), task.getProcessInstanceId(), task.getId()));
        }
    }

    private boolean escalatesToProgramme(DelegateTask task) {
        String processKey = TaskProcess.key(task);
        ReminderPolicy.EscalationTarget target = policy.forTask(processKey, task.getTaskDefinitionKey()).escalateTo();
        return target == ReminderPolicy.EscalationTarget.PROGRAMME
                || (target != ReminderPolicy.EscalationTarget.CATALYST && isCatalystTask(task))
                || territory(task) == null;
    }

    private List<Recipient> catalystsInCharge(DelegateTask task) {
        Object catalyst = task.getVariable(CATALYST);
        if (catalyst instanceof String userId && !userId.isBlank()) {
            return people.user(userId).map(List::of).orElse(List.of());
        }
        return people.members(Role.CATALYST.groupIn(territory(task)));
    }

    private boolean isCatalystTask(DelegateTask task) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(task.getVariable(CATALYST));
        }
        return task.getCandidates()
            .stream()
            .map(IdentityLink::getGroupId)
            .anyMatch(group -> group != null && group.startsWith(Role.CATALYST.groupId() + "."));
    }

    /**
     * What every task email shows: the task, its process, its territory, its due date and
     * a link.
     */
    private Map<String, Object> about(DelegateTask task) {
        Map<String, Object> model = new HashMap<>();
        model.put("taskName", task.getName());
        model.put("taskDescription", task.getDescription());
        model.put("processName", TaskProcess.name(task));
        model.put("businessKey", task.getExecution().getProcessBusinessKey());
        model.put("territoryName", task.getVariable(TERRITORY_NAME));
        model.put("due", FrenchDates.dayAndTime(task.getDueDate()));
        model.put("link", application.taskLink(task.getId()));
        model.put("tasklist", application.tasklistLink());
        return model;
    }

    /**
     * A late task as the escalation lists it, with its territory when the process spans
     * several.
     */
    private Map<String, String> line(Task task) {
        Object territory = WithoutAuthorization.call(() -> tasks.getVariable(task.getId(), TERRITORY_NAME));
        String name = territory == null || task.getName().contains(territory.toString()) ? task.getName()
                : task.getName() + " — " + territory;
        return Map.of("name", name, "due", FrenchDates.day(task.getDueDate()), "link",
                application.taskLink(task.getId()));
    }

    private static String territory(DelegateTask task) {
        Object code = task.getVariable(TERRITORY);
        return code instanceof String text ? text : task.getTenantId();
    }

    private static String territoryLabel(DelegateTask task) {
        Object name = task.getVariable(TERRITORY_NAME);
        return name == null ? "" : " — " + name;
    }

    private static String key(ReminderStep step, DelegateTask task, int count, Recipient recipient) {
        Date due = task.getDueDate();
        return String.join(":", "task", step.name(), task.getId(), String.valueOf(count),
                String.valueOf(due == null ? 0 : due.getTime() / 60_000), recipient.userId());
    }

}
