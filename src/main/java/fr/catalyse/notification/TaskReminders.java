package fr.catalyse.notification;

import fr.catalyse.access.Role;
import fr.catalyse.platform.CatalyseProperties;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The emails of a reminder step: a reminder or an overdue notice to everyone who still has to act on
 * the task, or an escalation, listing what is late in the same process, to whoever must step in.
 */
@Component
class TaskReminders {

  static final String TERRITORY = "territory";
  static final String TERRITORY_NAME = "territoryName";
  static final String CATALYST = "catalyst";

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
    boolean late = step == ReminderStep.OVERDUE;
    String subject = late
        ? "En retard : « " + task.getName() + " » était attendu le " + FrenchDates.day(task.getDueDate())
        : "Rappel : « " + task.getName() + " » est à terminer d'ici le " + FrenchDates.day(task.getDueDate());
    for (Recipient recipient : people.whoMustAct(task)) {
      Map<String, Object> model = about(task);
      model.put("recipient", recipient.name());
      model.put("late", late);
      mailer.deliver(new Email(key(step, task, count, recipient), late ? NotificationKind.OVERDUE : NotificationKind.REMINDER,
          recipient, subject, templates.render("task-reminder", model), territory(task), task.getProcessInstanceId(),
          task.getId()));
    }
  }

  private void escalate(DelegateTask task) {
    List<Task> lateTasks = Context.getCommandContext().runWithoutAuthorization(() -> tasks.createTaskQuery()
        .processInstanceId(task.getProcessInstanceId()).dueBefore(ClockUtil.getCurrentTime())
        .orderByDueDate().asc().list());
    List<Map<String, String>> late = lateTasks.stream().map(this::line).toList();
    String subject = "Retard signalé" + territoryLabel(task) + " : « " + task.getName() + " »";
    for (Recipient recipient : escalationRecipients(task)) {
      Map<String, Object> model = about(task);
      model.put("recipient", recipient.name());
      model.put("lateTasks", late);
      mailer.deliver(new Email(key(ReminderStep.ESCALATION, task, 1, recipient), NotificationKind.ESCALATION, recipient,
          subject, templates.render("task-escalation", model), territory(task), task.getProcessInstanceId(), task.getId()));
    }
  }

  private List<Recipient> escalationRecipients(DelegateTask task) {
    String processKey = ((ExecutionEntity) task.getExecution()).getProcessDefinition().getKey();
    ReminderPolicy.EscalationTarget target = policy.forTask(processKey, task.getTaskDefinitionKey()).escalateTo();
    boolean toProgramme = target == ReminderPolicy.EscalationTarget.PROGRAMME
        || target != ReminderPolicy.EscalationTarget.CATALYST && isCatalystTask(task) || territory(task) == null;
    if (toProgramme) {
      return people.members(Role.PROGRAMME_TEAM.groupId());
    }
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
    return task.getCandidates().stream().map(IdentityLink::getGroupId)
        .anyMatch(group -> group != null && group.startsWith(Role.CATALYST.groupId() + "."));
  }

  /** What every task email shows: the task, its process, its territory, its due date and a link. */
  private Map<String, Object> about(DelegateTask task) {
    Map<String, Object> model = new HashMap<>();
    model.put("taskName", task.getName());
    model.put("taskDescription", task.getDescription());
    model.put("processName", ((ExecutionEntity) task.getExecution()).getProcessDefinition().getName());
    model.put("businessKey", ((ExecutionEntity) task.getExecution()).getProcessBusinessKey());
    model.put("territoryName", task.getVariable(TERRITORY_NAME));
    model.put("due", FrenchDates.dayAndTime(task.getDueDate()));
    model.put("link", taskLink(task.getId()));
    model.put("tasklist", application.link("/camunda/app/tasklist/default/"));
    return model;
  }

  private Map<String, String> line(Task task) {
    return Map.of("name", task.getName(), "due", FrenchDates.day(task.getDueDate()), "link", taskLink(task.getId()));
  }

  String taskLink(String taskId) {
    return application.link("/camunda/app/tasklist/default/#/?task=" + taskId);
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
