package fr.catalyse.notification;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * An email ready to send.
 *
 * @param idempotencyKey the same key is delivered at most once, whatever retries or nodes
 * do
 * @param preference the kind the recipient chose how to receive, or null for emails
 * always sent
 * @param link where the email leads (the task…), shown again in the weekly digest
 * @param territory territory code it concerns, if any (for the record and its filters)
 */
public record Email(String idempotencyKey, NotificationKind kind, PreferenceKind preference, Recipient to,
        String subject, Rendered body, String link, List<Attachment> attachments, String territory,
        String processInstanceId, String taskId) {

    /** An email sent whatever the recipient's preferences, without attachment. */
    public static Email always(String key, NotificationKind kind, Recipient to, String subject, Rendered body,
            String territory, String processInstanceId) {
        return new Email(key, kind, null, to, subject, body, null, List.of(), territory, processInstanceId, null);
    }

    public Email with(List<Attachment> files) {
        return new Email(idempotencyKey, kind, preference, to, subject, body, link, files, territory, processInstanceId,
                taskId);
    }

    /** An HTML body with its plain-text alternative. */
    public record Rendered(String html, String text) {
    }

    /** A file joined to the email, e.g. a calendar invitation. */
    @NamedInterface("emails")
    public record Attachment(String filename, String contentType, byte[] content) {
    }
}
