/**
 * Emails to participants: reminders before and after a task's due date, escalations, programme
 * alerts; rendered from French templates, sent once per idempotency key and recorded.
 */
package fr.catalyse.notification;
