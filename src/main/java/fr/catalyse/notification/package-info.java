/**
 * Emails to participants: reminders before and after a task's due date, escalations,
 * programme alerts; rendered from French templates, sent once per idempotency key and
 * recorded.
 *
 * <p>
 * Named interfaces: {@code emails} (notices, programme alerts, recipients, French dates),
 * {@code
 * migration} (Catalyse's own jobs around an instance migration).
 */
@ApplicationModule(allowedDependencies = { "access :: callers" })
package fr.catalyse.notification;

import org.springframework.modulith.ApplicationModule;
