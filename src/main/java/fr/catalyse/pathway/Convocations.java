package fr.catalyse.pathway;

import fr.catalyse.notification.FrenchDates;
import fr.catalyse.notification.NotificationKind;
import fr.catalyse.notification.NoticeSender;
import fr.catalyse.notification.Notices;
import fr.catalyse.notification.People;
import fr.catalyse.platform.CatalyseProperties;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Convocations to a collective session, with its calendar invitation, to every selected
 * binôme: the first one, then one per change of date (same UID, next SEQUENCE) or a
 * cancellation. Each version is sent once per person; changes are sent from an engine job
 * of the cohort ({@link NoticeSender}).
 */
@Component
class Convocations implements NoticeSender {

    static final String NAME = "session-calendar";

    private final CohortRepository cohorts;

    private final SessionRepository sessions;

    private final ParticipationRepository participations;

    private final SessionCalendar calendar;

    private final People people;

    private final Notices notices;

    private final CatalyseProperties application;

    private final PathwayLedger ledger;

    private final String organizer;

    Convocations(CohortRepository cohorts, SessionRepository sessions, ParticipationRepository participations,
            SessionCalendar calendar, People people, Notices notices, CatalyseProperties application,
            PathwayLedger ledger, @Value("${catalyse.mail.from}") String from) {
        this.cohorts = cohorts;
        this.sessions = sessions;
        this.participations = participations;
        this.calendar = calendar;
        this.people = people;
        this.notices = notices;
        this.application = application;
        this.ledger = ledger;
        this.organizer = from.replaceAll(".*<([^>]+)>.*", "$1");
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * @param argument "cohortId:code", as scheduled after a session moved or was
     * cancelled
     */
    @Override
    public void send(String argument) {
        String[] parts = argument.split(":");
        Cohort cohort = cohorts.findById(Long.parseLong(parts[0])).orElseThrow();
        send(cohort, sessions.findByCohortAndCode(cohort, parts[1]).orElseThrow());
    }

    void send(Cohort cohort, CollectiveSession session) {
        boolean cancelled = session.getStatus() == SessionStatus.CANCELLED;
        String when = FrenchDates.dayAndTime(ledger.at(session.getPlannedDate()));
        String what = "session " + session.getCode() + " « " + session.getTitle() + " »";
        String subject = cancelled ? "Annulation : " + what + " du " + when
                : (session.getCalendarSequence() > 0 ? "Nouvelle date — convocation : " : "Convocation : ") + what
                        + " le " + when;
        List<String> paragraphs = cancelled
                ? List.of("La " + what + " du parcours « " + cohort.getName() + " », prévue le " + when
                        + ", est annulée.", "L'invitation de votre agenda est retirée par le fichier joint.")
                : List.of(
                        "Vous êtes convié(e), avec votre binôme, à la " + what + " du parcours « " + cohort.getName()
                                + " ».",
                        "Date : " + when + ". Lieu : "
                                + (session.getPlace() == null ? "à préciser" : session.getPlace()) + ".",
                        session.getAgenda() == null ? "" : "Programme : " + session.getAgenda(),
                        "L'invitation jointe s'ajoute à votre agenda.");
        for (Participation participation : participations.findByCohortAndStatusOrderById(cohort,
                ParticipationStatus.SELECTED)) {
            participation.binome()
                .forEach(userId -> people.user(userId)
                    .ifPresent(recipient -> notices.send(
                            "convocation:" + cohort.getId() + ":" + session.getCode() + ":"
                                    + session.getCalendarSequence(),
                            NotificationKind.CONVOCATION, recipient, subject, paragraphs, application.tasklistLink(),
                            "Ouvrir Catalyse",
                            new Notices.About(participation.getTerritory().getCode(), cohort.getProcessInstanceId()),
                            List.of(calendar.invitation(cohort, session, organizer, recipient.email())))));
        }
    }

}
