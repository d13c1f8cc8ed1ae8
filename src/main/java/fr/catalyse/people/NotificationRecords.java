package fr.catalyse.people;

import fr.catalyse.notification.NotificationRecordRepository;
import fr.catalyse.notification.Preferences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every email Catalyse recorded for the person (sent, held back or failed), and their
 * notification preferences.
 */
@Component
class NotificationRecords implements PersonalData {

    private final NotificationRecordRepository records;

    private final Preferences preferences;

    private final PeopleLedger ledger;

    NotificationRecords(NotificationRecordRepository records, Preferences preferences, PeopleLedger ledger) {
        this.records = records;
        this.preferences = preferences;
        this.ledger = ledger;
    }

    @Override
    public List<Section> export(Person person) {
        List<Map<String, Object>> emails = records.findByRecipientUserOrderByCreatedAt(person.userId())
            .stream()
            .map(email -> DirectoryRecords.row("date", email.getCreatedAt(), "envoye_le", email.getSentAt(), "adresse",
                    email.getRecipientEmail(), "objet", email.getSubject(), "type", email.getKind(), "statut",
                    email.getStatus(), "territoire", email.getTerritory(), "lien", email.getLink(), "instance",
                    email.getProcessInstanceId()))
            .toList();
        List<Map<String, Object>> choices = new ArrayList<>();
        preferences.of(person.userId())
            .forEach((kind, mode) -> choices
                .add(DirectoryRecords.row("type_de_message", kind.label(), "code", kind.name(), "mode", mode.label())));
        return List.of(new Section("courriels", emails), new Section("preferences-de-notification", choices));
    }

    /**
     * Emails kept for the person's weekly digest will not be sent: they are recorded as
     * withheld at once.
     */
    int withholdPending(String userId) {
        return ledger.update(
                "update notification set status = 'WITHHELD' where recipient_user = ? and status = 'DEFERRED'", userId);
    }

    /**
     * The record of an email stays (the programme's count of what was sent, and the
     * idempotency key that stops a resend), without the address; the recipient becomes
     * the pseudonym. Subjects name tasks and territories, not the recipient, so they
     * stay. The preferences are the person's alone: removed.
     */
    @Override
    public void erase(Person person, String pseudonym) {
        ledger.update("update notification set recipient_user = ?, recipient_email = null where recipient_user = ?",
                pseudonym, person.userId());
        if (person.email() != null) {
            ledger.update("update notification set recipient_email = null where lower(recipient_email) = lower(?)",
                    person.email());
        }
        ledger.update("delete from notification_preference where user_id = ?", person.userId());
    }

}
