package fr.catalyse.benchmark;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/**
 * The baseline's mail delegate: one plain email per timer, straight through JavaMail, no
 * project code.
 */
public class PlainMailDelegate implements JavaDelegate {

    static volatile int smtpPort;

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        Properties settings = new Properties();
        settings.put("mail.smtp.host", "127.0.0.1");
        settings.put("mail.smtp.port", String.valueOf(smtpPort));
        MimeMessage message = new MimeMessage(Session.getInstance(settings));
        message.setFrom(new InternetAddress("baseline@catalyse.test"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("prog.test@catalyse.test"));
        message.setSubject("Rappel de base " + execution.getVariable("item"), "UTF-8");
        message.setText("Rappel " + execution.getProcessInstanceId(), "UTF-8");
        Transport.send(message);
    }

}
