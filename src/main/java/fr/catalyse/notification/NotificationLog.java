package fr.catalyse.notification;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the record of an attempt in its own transaction: an email that went out stays recorded as
 * sent even when the job that sent it rolls back, so its retry does not send it again.
 */
@Component
class NotificationLog {

  private final NotificationRecordRepository records;

  NotificationLog(NotificationRecordRepository records) {
    this.records = records;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
  public boolean alreadySent(String idempotencyKey) {
    return records.findByIdempotencyKey(idempotencyKey)
        .map(record -> record.getStatus() == NotificationStatus.SENT).orElse(false);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void sent(Email email) {
    NotificationRecord record = record(email);
    record.sent(Instant.now());
    records.save(record);
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void failed(Email email, NotificationStatus outcome, String error) {
    NotificationRecord record = record(email);
    record.failed(outcome, error);
    records.save(record);
  }

  private NotificationRecord record(Email email) {
    return records.findByIdempotencyKey(email.idempotencyKey())
        .orElseGet(() -> new NotificationRecord(email, Instant.now()));
  }
}
