package fr.catalyse.notification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Plain French notices to one person: a subject, a few paragraphs, and a link to act on.
 */
@NamedInterface("emails")
@Service
public class Notices {

    private final Mailer mailer;

    private final MailTemplates templates;

    Notices(Mailer mailer, MailTemplates templates) {
        this.mailer = mailer;
        this.templates = templates;
    }

    /**
     * A notice about a process, recorded with its territory (may be null) and process
     * instance.
     */
    @NamedInterface("emails")
    public record About(String territory, String processInstanceId) {
    }

    /**
     * @param key identifies the notice: the same key is sent at most once
     * @param link where the reader goes next (Tasklist, Cockpit…), or null
     */
    public void send(String key, Recipient to, String subject, List<String> paragraphs, String link, About about) {
        send(key, to, subject, paragraphs, link, "Ouvrir Catalyse", about);
    }

    /**
     * @param linkLabel what the button to the link says, e.g. "Choisir mon mot de passe"
     */
    public void send(String key, Recipient to, String subject, List<String> paragraphs, String link, String linkLabel,
            About about) {
        send(key, NotificationKind.NOTICE, to, subject, paragraphs, link, linkLabel, about, List.of());
    }

    /**
     * A notice of a given kind with attached files, e.g. a convocation and its calendar
     * invitation.
     */
    public void send(String key, NotificationKind kind, Recipient to, String subject, List<String> paragraphs,
            String link, String linkLabel, About about, List<Email.Attachment> attachments) {
        Map<String, Object> model = new HashMap<>();
        model.put("linkLabel", linkLabel);
        model.put("recipient", to.name());
        model.put("paragraphs",
                paragraphs.stream().filter(paragraph -> paragraph != null && !paragraph.isBlank()).toList());
        model.put("link", link);
        mailer.deliver(
                Email
                    .always("notice:" + key + ":" + to.userId(), kind, to, subject, templates.render("notice", model),
                            about.territory(), about.processInstanceId())
                    .with(attachments));
    }

}
