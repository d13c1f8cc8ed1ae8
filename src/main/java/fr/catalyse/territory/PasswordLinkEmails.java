package fr.catalyse.territory;

import fr.catalyse.access.PasswordLinks;
import fr.catalyse.notification.NoticeJobs;
import fr.catalyse.notification.NoticeSender;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.notification.Recipient;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The email with a new link to choose a password, asked for at /mot-de-passe-oublie. It
 * leaves from an engine job, so the page answers the same whether the mail server is up
 * or not, and a server that is down only delays it. The link is made when the email is
 * composed: no usable link waits in the queue. Whether a request gets an email at all is
 * decided before it is queued ({@link ForgottenPasswordRequests}).
 */
@Component
class PasswordLinkEmails implements NoticeSender {

    static final String NAME = "password-link";

    private final PasswordLinks passwords;

    private final People people;

    private final Notices notices;

    private final NoticeJobs jobs;

    PasswordLinkEmails(PasswordLinks passwords, People people, Notices notices, NoticeJobs jobs) {
        this.passwords = passwords;
        this.people = people;
        this.notices = notices;
        this.jobs = jobs;
    }

    /** Queues one email for this request, in the caller's transaction. */
    void queue(String userId) {
        jobs.queue(NAME, userId + ":" + UUID.randomUUID(), label(userId));
    }

    /** Whether an email with a link for this account is queued and still to be sent. */
    boolean waiting(String userId) {
        return jobs.waiting(label(userId));
    }

    private static String label(String userId) {
        return "Mot de passe — " + userId;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @param request "userId:request id", as queued
     */
    @Override
    public void send(String request) {
        String userId = request.substring(0, request.lastIndexOf(':'));
        Recipient recipient = people.user(userId)
            .orElseThrow(() -> new IllegalStateException("Compte introuvable : " + userId));
        String link = passwords.issue(userId, PasswordLinks.RESET);
        notices.send("password:" + request, recipient, "Choisir un nouveau mot de passe",
                List.of("Vous avez demandé à choisir un nouveau mot de passe pour votre compte Catalyse (identifiant "
                        + userId + ").",
                        "Le lien ci-dessous est valable 7 jours et ne sert qu'une fois. Si vous "
                                + "n'êtes pas à l'origine de cette demande, ignorez ce message."),
                link, "Choisir mon mot de passe", new Notices.About(null, null));
    }

}
