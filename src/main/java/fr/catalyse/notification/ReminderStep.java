package fr.catalyse.notification;

/**
 * The emails a task gives rise to: reminders around its due date, and the notice of its
 * assignment.
 */
enum ReminderStep {

    BEFORE, OVERDUE, ESCALATION, ASSIGNMENT

}
