package fr.catalyse.notification;

/**
 * An email ready to send.
 *
 * @param idempotencyKey the same key is delivered at most once, whatever retries or nodes do
 * @param territory territory code it concerns, if any (for the record and its filters)
 */
public record Email(
    String idempotencyKey,
    NotificationKind kind,
    Recipient to,
    String subject,
    Rendered body,
    String territory,
    String processInstanceId,
    String taskId) {

  /** An HTML body with its plain-text alternative. */
  public record Rendered(String html, String text) {
  }
}
