package fr.catalyse.notification;

import org.springframework.modulith.NamedInterface;

/** What an email is for; recorded with every email. */
@NamedInterface("emails")
public enum NotificationKind {

    REMINDER, OVERDUE, ESCALATION, ALERT, NOTICE, ASSIGNMENT, CONVOCATION, DIGEST

}
