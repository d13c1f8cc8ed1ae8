package fr.catalyse.notification;

/** The moments a task's reminders fall due, relative to its due date. */
public enum ReminderStep {
  BEFORE,
  OVERDUE,
  ESCALATION
}
