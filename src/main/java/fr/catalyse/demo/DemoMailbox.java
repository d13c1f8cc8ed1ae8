package fr.catalyse.demo;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * In the demo every email goes to an SMTP server inside the application, so a newcomer
 * sees what Catalyse sends without installing a mail server. Messages are kept in memory
 * until the next start.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("catalyse.demo.mailbox.enabled")
class DemoMailbox {

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail demoSmtpServer(DemoProperties properties) {
        return new LocalSmtpServer(properties.mailbox().smtpPort());
    }

    /** A received email as the mailbox page shows it. */
    record Mail(int number, String to, String subject, String sentAt, String html) {

        static List<Mail> newestFirst(GreenMail server) throws MessagingException {
            MimeMessage[] messages = server.getReceivedMessages();
            List<Mail> mails = new ArrayList<>();
            for (int i = 0; i < messages.length; i++) {
                mails.add(of(i, messages[i]));
            }
            Collections.reverse(mails);
            return mails;
        }

        static Mail of(int number, MimeMessage message) throws MessagingException {
            String to = message.getAllRecipients() == null ? ""
                    : String.join(", ", Arrays.stream(message.getAllRecipients()).map(Object::toString).toList());
            return new Mail(number, to, message.getSubject(),
                    message.getSentDate() == null ? "" : message.getSentDate().toString(), MailBodies.html(message));
        }
    }

}
