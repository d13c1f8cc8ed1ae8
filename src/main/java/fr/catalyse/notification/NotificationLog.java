package fr.catalyse.notification;

import fr.catalyse.platform.EngineClock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the record of an attempt in its own transaction: an email that went out stays
 * recorded as sent even when the job that sent it rolls back, so its retry does not send
 * it again.
 */
@Component
class NotificationLog {

    private final NotificationRecordRepository records;

    NotificationLog(NotificationRecordRepository records) {
        this.records = records;
    }

    /**
     * Read in the caller's transaction: what another transaction committed is visible to
     * it.
     */
    @Transactional(readOnly = true)
    public boolean alreadyHandled(String idempotencyKey) {
        return records.findByIdempotencyKey(idempotencyKey)
            .map(NotificationRecord::getStatus)
            .filter(status -> status != NotificationStatus.FAILED)
            .isPresent();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void sent(Email email) {
        NotificationRecord record = record(email);
        record.sent(EngineClock.now());
        records.save(record);
    }

    /**
     * Kept for the digest, or skipped by choice: recorded once, never sent later by a
     * retry.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void heldBack(Email email, NotificationStatus outcome) {
        NotificationRecord record = record(email);
        if (record.getStatus() == null) {
            record.heldBack(outcome);
            records.save(record);
        }
    }

    /** The emails a sent weekly digest listed: they will not be listed again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void digested(java.util.List<Long> ids) {
        records.findAllById(ids).forEach(NotificationRecord::digested);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Email email, NotificationStatus outcome, String error) {
        NotificationRecord record = record(email);
        record.failed(outcome, error);
        records.save(record);
    }

    private NotificationRecord record(Email email) {
        return records.findByIdempotencyKey(email.idempotencyKey())
            .orElseGet(() -> new NotificationRecord(email, EngineClock.now()));
    }

}
