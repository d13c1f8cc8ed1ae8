package fr.catalyse.demo;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.web.util.HtmlUtils;

/** The HTML body of an email, or its plain text made displayable. */
final class MailBodies {

    private MailBodies() {
    }

    static String html(Part part) throws MessagingException {
        try {
            String html = find(part, "text/html");
            if (html != null) {
                return html;
            }
            String text = find(part, "text/plain");
            return "<pre>" + HtmlUtils.htmlEscape(text == null ? "" : text) + "</pre>";
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String find(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

}
