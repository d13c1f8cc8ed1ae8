package fr.catalyse.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** How one person wants to receive one kind of email; without a row, immediately. */
@Entity
@Table(name = "notification_preference")
@IdClass(NotificationPreference.Key.class)
class NotificationPreference {

    @Id
    private String userId;

    @Id
    @Enumerated(EnumType.STRING)
    private PreferenceKind kind;

    @Enumerated(EnumType.STRING)
    private DeliveryMode mode;

    private Instant updatedAt;

    protected NotificationPreference() {
    }

    NotificationPreference(String userId, PreferenceKind kind) {
        this.userId = userId;
        this.kind = kind;
    }

    void choose(DeliveryMode mode, Instant now) {
        this.mode = mode;
        this.updatedAt = now;
    }

    String userId() {
        return userId;
    }

    PreferenceKind getKind() {
        return kind;
    }

    DeliveryMode getMode() {
        return mode;
    }

    /** Primary key: person and kind. */
    record Key(String userId, PreferenceKind kind) implements Serializable {

        Key() {
            this(null, null);
        }
    }

}
