package fr.catalyse.notification;

/** Outcome of the latest attempt to deliver an email. */
public enum NotificationStatus {
  SENT,
  FAILED,
  INVALID_ADDRESS
}
