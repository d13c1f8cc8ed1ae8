package fr.catalyse.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * Sends an email at most once per idempotency key and records every attempt. A refused send throws
 * {@link MailDeliveryException}, so the job sending it is retried with back-off and ends as an
 * incident in Cockpit if the server stays down; an unusable address is recorded, not retried.
 */
@Service
public class Mailer {

  private final JavaMailSender sender;
  private final NotificationLog log;
  private final MailProperties properties;

  Mailer(JavaMailSender sender, NotificationLog log, MailProperties properties) {
    this.sender = sender;
    this.log = log;
    this.properties = properties;
  }

  /** @return whether the email went out now (false: already sent before, or no usable address) */
  public boolean deliver(Email email) {
    if (log.alreadySent(email.idempotencyKey())) {
      return false;
    }
    if (!isDeliverable(email.to().email())) {
      log.failed(email, NotificationStatus.INVALID_ADDRESS, "Adresse e-mail absente ou invalide : " + email.to().email());
      return false;
    }
    try {
      sender.send(message(email));
    } catch (MailException | MessagingException refused) {
      log.failed(email, NotificationStatus.FAILED, refused.getMessage());
      throw new MailDeliveryException("Envoi impossible à " + email.to().email() + " : " + refused.getMessage(), refused);
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
    return message;
  }

  static boolean isDeliverable(String address) {
    if (address == null || address.isBlank()) {
      return false;
    }
    try {
      new InternetAddress(address, true).validate();
      return address.contains("@");
    } catch (AddressException invalid) {
      return false;
    }
  }
}
