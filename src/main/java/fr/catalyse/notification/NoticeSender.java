package fr.catalyse.notification;

import org.springframework.modulith.NamedInterface;

/**
 * Sends a notice that no task carries (e.g. a session's updated calendar invitation, a
 * welcome email) from an engine job, so that it is retried with back-off and shows as an
 * incident when it cannot leave. A retry runs {@link #send} again with the same argument:
 * derive the email's idempotency key from the argument only, so that what was recorded as
 * sent is not sent a second time.
 */
@NamedInterface("emails")
public interface NoticeSender {

    /** Unique name, stored in the job. */
    String name();

    /**
     * @param argument what to send, as given to {@link NoticeJobs#schedule} or
     * {@link NoticeJobs#queue}
     */
    void send(String argument);

}
