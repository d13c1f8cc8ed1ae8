package fr.catalyse.territory;

import fr.catalyse.access.EmailChanges;
import fr.catalyse.notification.NoticeJobs;
import fr.catalyse.notification.NoticeSender;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.notification.Recipient;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The two emails of a change of address: the link to confirm it, to the new address, and
 * the notice to the old one, with a link to cancel it. Both leave from engine jobs queued
 * with the request (retried, then an incident in Cockpit), and each link is made when its
 * email is composed. The notice goes even when the change was confirmed in the meantime:
 * the old address must hear of it.
 */
@Component
class EmailChangeEmails implements NoticeSender {

    static final String NAME = "email-change";

    private static final String CONFIRM = "confirm:";

    private static final String NOTICE = "notice:";

    private final EmailChanges changes;

    private final People people;

    private final Notices notices;

    private final NoticeJobs jobs;

    private final ParticipantRepository participants;

    EmailChangeEmails(EmailChanges changes, People people, Notices notices, NoticeJobs jobs,
            ParticipantRepository participants) {
        this.changes = changes;
        this.people = people;
        this.notices = notices;
        this.jobs = jobs;
        this.participants = participants;
    }

    /**
     * Queued in the transaction that asked for the change: nothing leaves if it rolls
     * back.
     */
    @EventListener
    void requested(EmailChanges.Requested requested) {
        jobs.queue(NAME, CONFIRM + requested.changeId(), "Nouvelle adresse à confirmer — " + requested.userId());
        jobs.queue(NAME, NOTICE + requested.changeId(), "Changement d'adresse annoncé — " + requested.userId());
    }

    /**
     * « Mot de passe oublié » finds people by the address of their record: it follows the
     * account's.
     */
    @EventListener
    void changed(EmailChanges.Changed changed) {
        participants.findByUserId(changed.userId()).ifPresent(participant -> {
            participant.changeEmail(changed.newEmail());
            participants.save(participant);
        });
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @param argument "confirm:id" or "notice:id", as queued
     */
    @Override
    public void send(String argument) {
        long id = Long.parseLong(argument.substring(argument.indexOf(':') + 1));
        if (argument.startsWith(CONFIRM)) {
            // A request replaced, cancelled or expired has nothing left to confirm.
            changes.pending(id).ifPresent(this::askToConfirm);
        }
        else {
            changes.find(id)
                .filter(request -> request.oldEmail() != null && !request.oldEmail().isBlank())
                .ifPresent(this::tellOldAddress);
        }
    }

    private void askToConfirm(EmailChanges.Request request) {
        Optional<String> link = changes.confirmationLink(request.id());
        if (link.isEmpty()) {
            return;
        }
        Recipient to = new Recipient(request.userId(), request.newEmail(), name(request.userId()));
        String who = request.origin() == EmailChanges.Origin.IMPORT
                ? "L'équipe programme a indiqué cette adresse pour votre compte Catalyse (identifiant "
                        + request.userId() + ")."
                : "Vous avez demandé que votre compte Catalyse (identifiant " + request.userId()
                        + ") utilise désormais cette adresse.";
        notices
            .send("email-change:" + argument(CONFIRM, request), to, "Confirmez votre nouvelle adresse de courriel", List
                .of(who, "Elle ne servira qu'une fois confirmée avec le lien ci-dessous, valable 7 jours et utilisable une seule fois. D'ici là, "
                        + "les courriels de Catalyse, dont les liens pour choisir un mot de passe, continuent d'aller à l'adresse actuelle "
                        + "du compte.",
                        "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : rien ne changera."),
                    link.get(), "Confirmer cette adresse", new Notices.About(null, null));
    }

    private void tellOldAddress(EmailChanges.Request request) {
        Recipient to = new Recipient(request.userId(), request.oldEmail(), name(request.userId()));
        Optional<String> cancel = changes.cancellationLink(request.id());
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add("Une nouvelle adresse a été demandée pour votre compte Catalyse (identifiant " + request.userId()
                + ") : " + request.newEmail() + ", " + (request.origin() == EmailChanges.Origin.IMPORT
                        ? "par l'équipe programme, lors d'un import de l'annuaire." : "depuis votre profil."));
        paragraphs
            .add("Elle ne remplacera votre adresse actuelle que lorsque le lien envoyé à la nouvelle aura été suivi, dans les "
                    + "7 jours. D'ici là, vos courriels et les liens pour choisir un mot de passe continuent d'arriver ici.");
        paragraphs.add(cancel.isPresent()
                ? "Si vous n'êtes pas à l'origine de cette demande, annulez-la avec le lien ci-dessous, puis prévenez l'équipe "
                        + "programme et changez votre mot de passe."
                : "Si vous n'êtes pas à l'origine de cette demande, prévenez sans attendre l'équipe programme : ce changement "
                        + "ne peut plus être annulé d'ici.");
        notices.send("email-change:" + argument(NOTICE, request), to, "Votre adresse de courriel Catalyse va changer",
                paragraphs, cancel.orElse(null), "Annuler ce changement", new Notices.About(null, null));
    }

    private String name(String userId) {
        return people.user(userId).map(Recipient::name).orElse(userId);
    }

    private static String argument(String kind, EmailChanges.Request request) {
        return kind + request.id();
    }

}
