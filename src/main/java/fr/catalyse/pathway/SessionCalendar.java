package fr.catalyse.pathway;

import fr.catalyse.notification.Email;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.EngineClock;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.springframework.stereotype.Component;

/**
 * The calendar invitation (.ics, RFC 5545) of a collective session: one UID per session,
 * a SEQUENCE raised at each change of date, METHOD:REQUEST while it stands, METHOD:CANCEL
 * once cancelled.
 */
@Component
class SessionCalendar {

    static final String PRODUCT = "-//Catalyse//Parcours d'expérience//FR";

    private final PathwayProperties properties;

    SessionCalendar(PathwayProperties properties) {
        this.properties = properties;
    }

    /** The invitation of a session for one attendee. */
    Email.Attachment invitation(Cohort cohort, CollectiveSession session, String organizer, String attendee) {
        boolean cancelled = session.getStatus() == SessionStatus.CANCELLED;
        ZonedDateTime start = session.getPlannedDate()
            .atTime(LocalTime.parse(properties.sessionTime()))
            .atZone(Deadlines.ZONE);
        VEvent event = new VEvent(start, start.plus(Duration.parse(properties.sessionLength())),
                "Session " + session.getCode() + " « " + session.getTitle() + " » — " + cohort.getName());
        event.add(new Uid(uid(cohort, session)));
        event.add(new Sequence(session.getCalendarSequence()));
        event.add(new DtStamp(EngineClock.now()));
        Property status = cancelled ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED;
        event.add(status);
        event.add(new Organizer("mailto:" + organizer));
        event.add(new Attendee("mailto:" + attendee));
        if (session.getPlace() != null) {
            event.add(new Location(session.getPlace()));
        }
        if (session.getAgenda() != null) {
            event.add(new Description(session.getAgenda()));
        }
        Calendar calendar = new Calendar().withProdId(PRODUCT)
            .withDefaults()
            .withProperty(cancelled ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST)
            .withComponent(TimeZoneRegistryFactory.getInstance()
                .createRegistry()
                .getTimeZone(Deadlines.ZONE.getId())
                .getVTimeZone())
            .withComponent(event)
            .getFluentTarget();
        String method = cancelled ? "CANCEL" : "REQUEST";
        return new Email.Attachment("session-" + session.getCode().toLowerCase() + ".ics",
                "text/calendar; charset=UTF-8; method=" + method,
                calendar.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    static String uid(Cohort cohort, CollectiveSession session) {
        return "session-" + session.getCode().toLowerCase() + "-cohorte-" + cohort.getId() + "@catalyse";
    }

}
