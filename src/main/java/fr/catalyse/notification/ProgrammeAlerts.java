package fr.catalyse.notification;

import fr.catalyse.access.Role;
import fr.catalyse.platform.CatalyseProperties;
import fr.catalyse.platform.Webapps;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Tells the programme team (and, when it must decide, the steering committee) that
 * something needs attention. Alerts are sent from engine jobs: the processes' alerts from
 * their asynchronous service tasks, the alert about an unusable address from a job of its
 * own ({@link NoticeJobs#queueCommitted}).
 */
@NamedInterface("emails")
@Service
public class ProgrammeAlerts implements NoticeSender {

    static final String UNDELIVERABLE = "undeliverable-address";

    private final People people;

    private final Mailer mailer;

    private final MailTemplates templates;

    private final CatalyseProperties application;

    private final NoticeJobs jobs;

    private final NotificationRecordRepository records;

    ProgrammeAlerts(People people, Mailer mailer, MailTemplates templates, CatalyseProperties application,
            NoticeJobs jobs, NotificationRecordRepository records) {
        this.people = people;
        this.mailer = mailer;
        this.templates = templates;
        this.application = application;
        this.jobs = jobs;
        this.records = records;
    }

    /**
     * A participant's email address cannot be used: the programme team fixes it (not for
     * alerts themselves). The unusable address is already recorded in its own transaction
     * and will not be reported again, so the alert is queued committed at once: a
     * rollback of the job that met the address (another recipient's send refused) must
     * not lose it.
     */
    @org.springframework.context.event.EventListener
    void undeliverable(Mailer.UndeliverableAddress undeliverable) {
        Email email = undeliverable.email();
        if (email.kind() == NotificationKind.ALERT) {
            return;
        }
        jobs.queueCommitted(UNDELIVERABLE, email.idempotencyKey(), "Adresse inutilisable — " + email.to().userId());
    }

    @Override
    public String name() {
        return UNDELIVERABLE;
    }

    /**
     * @param idempotencyKey of the email recorded with the unusable address
     */
    @Override
    public void send(String idempotencyKey) {
        NotificationRecord failed = records.findByIdempotencyKey(idempotencyKey)
            .orElseThrow(() -> new IllegalStateException("Aucun courriel enregistré sous la clé " + idempotencyKey));
        String userId = failed.getRecipientUser();
        String name = userId == null ? failed.getRecipientEmail()
                : people.user(userId).map(Recipient::name).orElse(userId);
        alert("invalid-address:" + userId + ":" + failed.getRecipientEmail(), "Adresse e-mail inutilisable : " + name,
                "Catalyse n'a pas pu écrire à " + name + " (" + userId + ") : l'adresse « " + failed.getRecipientEmail()
                        + " » est absente ou invalide. Le message « " + failed.getSubject()
                        + " » n'est pas parti ; corrigez l'adresse " + "dans Admin ou par un nouvel import.",
                failed.getTerritory(), failed.getProcessInstanceId());
    }

    /**
     * Call it from an engine job (an asynchronous service task, a notice job): a refused
     * send throws, and the job's retry sends only to the members not yet recorded as
     * reached.
     * @param key identifies the alert: the same key is sent to each member at most once
     * @param message what happened, in French, one or two sentences
     */
    public void alert(String key, String subject, String message, String territory, String processInstanceId) {
        alert(key, subject, message, territory, processInstanceId, List.of(Role.PROGRAMME_TEAM));
    }

    /**
     * The same alert to every member of these roles (e.g. the programme team and the
     * steering committee).
     */
    public void alert(String key, String subject, String message, String territory, String processInstanceId,
            List<Role> roles) {
        Map<String, Recipient> recipients = new LinkedHashMap<>();
        roles.forEach(role -> people.members(role.groupId())
            .forEach(member -> recipients.putIfAbsent(member.userId(), member)));
        for (Recipient member : recipients.values()) {
            Map<String, Object> model = new HashMap<>();
            model.put("recipient", member.name());
            model.put("message", message);
            model.put("cockpit", application.link(Webapps.COCKPIT + "#/process-instance/" + processInstanceId));
            mailer.deliver(Email.always("alert:" + key + ":" + member.userId(), NotificationKind.ALERT, member, subject,
                    templates.render("programme-alert", model), territory, processInstanceId));
        }
    }

}
