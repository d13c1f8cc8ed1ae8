package fr.catalyse.notification;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.springframework.modulith.NamedInterface;
import java.time.Instant;

/** The record of one email: to whom, about what, and whether it went out. */
@NamedInterface("records")
@Entity
@Table(name = "notification")
public class NotificationRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String idempotencyKey;

    @Enumerated(EnumType.STRING)
    private NotificationKind kind;

    private String recipientUser;

    private String recipientEmail;

    private String subject;

    @Enumerated(EnumType.STRING)
    private PreferenceKind preferenceKind;

    private String link;

    private String territory;

    private String processInstanceId;

    private String taskId;

    @Enumerated(EnumType.STRING)
    private NotificationStatus status;

    private int attempts;

    private String lastError;

    private Instant createdAt;

    private Instant sentAt;

    protected NotificationRecord() {
    }

    NotificationRecord(Email email, Instant now) {
        this.idempotencyKey = email.idempotencyKey();
        this.kind = email.kind();
        this.recipientUser = email.to().userId();
        this.recipientEmail = email.to().email();
        this.subject = truncate(email.subject(), 300);
        this.preferenceKind = email.preference();
        this.link = email.link();
        this.territory = email.territory();
        this.processInstanceId = email.processInstanceId();
        this.taskId = email.taskId();
        this.createdAt = now;
    }

    void sent(Instant at) {
        attempts++;
        status = NotificationStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    void digested() {
        status = NotificationStatus.DIGESTED;
    }

    void heldBack(NotificationStatus outcome) {
        status = outcome;
    }

    void failed(NotificationStatus outcome, String error) {
        attempts++;
        status = outcome;
        lastError = truncate(error, 1000);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }

    public Long getId() {
        return id;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public NotificationKind getKind() {
        return kind;
    }

    public String getRecipientUser() {
        return recipientUser;
    }

    public String getRecipientEmail() {
        return recipientEmail;
    }

    public String getSubject() {
        return subject;
    }

    public PreferenceKind getPreferenceKind() {
        return preferenceKind;
    }

    public String getLink() {
        return link;
    }

    public String getTerritory() {
        return territory;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getTaskId() {
        return taskId;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

}
