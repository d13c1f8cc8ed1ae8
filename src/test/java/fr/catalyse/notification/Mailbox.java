package fr.catalyse.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;

/**
 * What GreenMail received, narrowed to the emails of one test (the server is shared by
 * the suite).
 */
public record Mailbox(GreenMail server) {

    /**
     * A received email: recipient, subject and whole raw content (headers and both
     * bodies, decoded).
     */
    public record Mail(String to, String subject, String body) {
    }

    public List<Mail> about(String text) {
        return Arrays.stream(server.getReceivedMessages())
            .map(Mailbox::read)
            .filter(mail -> mail.body().contains(text) || mail.subject().contains(text))
            .toList();
    }

    public List<Mail> to(String address, String about) {
        return about(about).stream().filter(mail -> mail.to().equals(address)).toList();
    }

    public static Mail read(MimeMessage message) {
        try {
            String body = decode(GreenMailUtil.getBody(message));
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), body);
        }
        catch (MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    /** Bodies are quoted-printable; the assertions read them as text. */
    private static String decode(String raw) {
        try {
            var decoded = jakarta.mail.internet.MimeUtility.decode(
                    new java.io.ByteArrayInputStream(raw.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)),
                    "quoted-printable");
            return new String(decoded.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        catch (Exception undecodable) {
            return raw;
        }
    }
}
