package fr.catalyse.access;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

/** A single-use link to choose a password; only the token's hash is kept. */
@Entity
class PasswordToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String userId;

    private String tokenHash;

    private String purpose;

    private Instant createdAt;

    private Instant expiresAt;

    private Instant usedAt;

    protected PasswordToken() {
    }

    PasswordToken(String userId, String tokenHash, String purpose, Instant createdAt, Instant expiresAt) {
        this.userId = userId;
        this.tokenHash = tokenHash;
        this.purpose = purpose;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    void use(Instant now) {
        usedAt = now;
    }

    String getUserId() {
        return userId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

}
