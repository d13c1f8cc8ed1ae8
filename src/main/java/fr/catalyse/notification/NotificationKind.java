package fr.catalyse.notification;

/** What an email is for; recorded with every email. */
public enum NotificationKind {
  REMINDER,
  OVERDUE,
  ESCALATION,
  ALERT,
  NOTICE,
  ASSIGNMENT,
  CONVOCATION,
  DIGEST
}
