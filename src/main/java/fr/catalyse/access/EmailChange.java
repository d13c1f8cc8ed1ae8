package fr.catalyse.access;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/**
 * A new email address asked for an account, waiting for its owner to confirm it from that
 * address. Only the hashes of the two links' tokens are kept: the confirmation (sent to
 * the new address) and the cancellation (sent to the old one).
 */
@Entity
class EmailChange {

    enum Status {

        PENDING, CONFIRMED, CANCELLED, REPLACED

    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;

    private String oldEmail;

    private String newEmail;

    @Enumerated(EnumType.STRING)
    private EmailChanges.Origin origin;

    @Enumerated(EnumType.STRING)
    private Status status;

    private Instant requestedAt;

    private Instant expiresAt;

    private String confirmTokenHash;

    private String cancelTokenHash;

    private Instant closedAt;

    protected EmailChange() {
    }

    EmailChange(String userId, String oldEmail, String newEmail, EmailChanges.Origin origin, Instant now,
            Instant expiresAt) {
        this.userId = userId;
        this.oldEmail = oldEmail;
        this.newEmail = newEmail;
        this.origin = origin;
        this.status = Status.PENDING;
        this.requestedAt = now;
        this.expiresAt = expiresAt;
    }

    boolean pendingAt(Instant now) {
        return status == Status.PENDING && now.isBefore(expiresAt);
    }

    void close(Status outcome, Instant now) {
        status = outcome;
        closedAt = now;
    }

    void confirmWith(String tokenHash) {
        confirmTokenHash = tokenHash;
    }

    void cancelWith(String tokenHash) {
        cancelTokenHash = tokenHash;
    }

    EmailChanges.Request view() {
        return new EmailChanges.Request(id, userId, oldEmail, newEmail, origin, expiresAt);
    }

    Long getId() {
        return id;
    }

    String getUserId() {
        return userId;
    }

    String getNewEmail() {
        return newEmail;
    }

}
