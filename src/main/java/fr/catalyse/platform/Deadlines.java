package fr.catalyse.platform;

import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Every delay of the processes, by name, from configuration
 * ({@code catalyse.deadlines.<name>}, ISO-8601), so an operator can rehearse a programme
 * with short delays and tests can move the clock. The models reach it as
 * {@code ${deadlines.dueIn('partnership.shared-diagnostic')}} for a due date and
 * {@code ${deadlines.of('partnership.dialogue-stall')}} for a timer.
 */
@Component
@ConfigurationProperties("catalyse")
public class Deadlines {

    /** The programme runs in France: due dates and emails are read in this zone. */
    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private Map<String, String> deadlines = Map.of();

    public Map<String, String> getDeadlines() {
        return deadlines;
    }

    public void setDeadlines(Map<String, String> deadlines) {
        this.deadlines = deadlines;
    }

    /** The configured ISO-8601 duration or cycle. */
    public String of(String name) {
        String value = deadlines.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("Délai non configuré : catalyse.deadlines." + name);
        }
        return value;
    }

    /** Now, on the engine clock, plus the named duration. */
    public Date dueIn(String name) {
        return after(EngineClock.date(), of(name));
    }

    /** A date plus an ISO-8601 duration ("P3D", "P1M", "PT4H"). */
    public static Date after(Date start, String isoDuration) {
        return shift(start, duration(isoDuration));
    }

    /** A date minus an ISO-8601 duration. */
    public static Date before(Date start, String isoDuration) {
        return shift(start, duration(isoDuration).negate());
    }

    private static Date shift(Date start, Duration duration) {
        Date shifted = new Date(start.getTime());
        duration.addTo(shifted);
        return shifted;
    }

    private static Duration duration(String iso) {
        try {
            return DatatypeFactory.newDefaultInstance().newDuration(iso);
        }
        catch (IllegalArgumentException | NullPointerException invalid) {
            throw new IllegalStateException("Durée ISO-8601 invalide : " + iso, invalid);
        }
    }

}
