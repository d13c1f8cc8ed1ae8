package fr.catalyse.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends an email at most once per idempotency key, as its recipient chose (immediately,
 * kept for the weekly digest, or not at all), and records every outcome. A refused send
 * throws {@link MailDeliveryException}, so the job sending it is retried with back-off
 * and ends as an incident in Cockpit if the server stays down; an unusable address is
 * recorded and reported to the programme team, not retried.
 */
@Service
class Mailer {

    private final JavaMailSender sender;

    private final NotificationLog log;

    private final MailProperties properties;

    private final Preferences preferences;

    private final ApplicationEventPublisher events;

    private final List<SilencedRecipients> silenced;

    Mailer(JavaMailSender sender, NotificationLog log, MailProperties properties, Preferences preferences,
            ApplicationEventPublisher events, List<SilencedRecipients> silenced) {
        this.silenced = silenced;
        this.sender = sender;
        this.log = log;
        this.properties = properties;
        this.preferences = preferences;
        this.events = events;
    }

    /**
     * An address no email can reach; the programme team is told once per person and
     * address.
     */
    public record UndeliverableAddress(Email email) {
    }

    /**
     * @return whether the email went out now (false: handled before, held back by
     * preference, or no usable address)
     */
    public boolean deliver(Email email) {
        if (log.alreadyHandled(email.idempotencyKey())) {
            return false;
        }
        if (email.to().userId() != null && silenced.stream().anyMatch(list -> list.silenced(email.to().userId()))) {
            // Queued before the person left (a notice job, a reminder, the digest):
            // recorded, never sent.
            log.heldBack(email, NotificationStatus.WITHHELD);
            return false;
        }
        DeliveryMode mode = email.preference() == null || email.to().userId() == null ? DeliveryMode.IMMEDIATE
                : preferences.mode(email.to().userId(), email.preference());
        if (mode != DeliveryMode.IMMEDIATE) {
            log.heldBack(email, mode == DeliveryMode.DIGEST ? NotificationStatus.DEFERRED : NotificationStatus.SKIPPED);
            return false;
        }
        if (!isDeliverable(email.to().email())) {
            log.failed(email, NotificationStatus.INVALID_ADDRESS,
                    "Adresse e-mail absente ou invalide : " + email.to().email());
            events.publishEvent(new UndeliverableAddress(email));
            return false;
        }
        try {
            sender.send(message(email));
        }
        catch (MailException | MessagingException refused) {
            log.failed(email, NotificationStatus.FAILED, refused.getMessage());
            throw new MailDeliveryException("Envoi impossible à " + email.to().email() + " : " + refused.getMessage(),
                    refused);
        }
        log.sent(email);
        return true;
    }

    private MimeMessage message(Email email) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(new InternetAddress(email.to().email(), true));
        helper.setSubject(email.subject());
        helper.setText(email.body().text(), email.body().html());
        for (Email.Attachment attachment : email.attachments()) {
            helper.addAttachment(attachment.filename(), new ByteArrayResource(attachment.content()),
                    attachment.contentType());
        }
        return message;
    }

    static boolean isDeliverable(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            new InternetAddress(address, true).validate();
            return address.contains("@");
        }
        catch (AddressException invalid) {
            return false;
        }
    }

}
