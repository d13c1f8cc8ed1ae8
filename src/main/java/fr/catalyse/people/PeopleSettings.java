package fr.catalyse.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Catalyse keeps a person who left before erasing them
 * ({@code catalyse.people}).
 *
 * @param cycleEnd the last day of the programme's current cycle, if the programme team
 * set one: people who left before it may be erased the day after
 * @param retention without a cycle end, the cycle is taken as this long after the
 * departure: 36 months, the length of the governance follow-up (« dialogue de gouvernance
 * ») that a person's records serve
 */
@ConfigurationProperties("catalyse.people")
record PeopleSettings(LocalDate cycleEnd, @DefaultValue("P36M") Period retention) {

    static final ZoneId PROGRAMME_ZONE = ZoneId.of("Europe/Paris");

    /** From when a person who left at {@code departure} may be erased. */
    Instant eraseAfter(Instant departure) {
        if (cycleEnd != null) {
            Instant end = cycleEnd.plusDays(1).atStartOfDay(PROGRAMME_ZONE).toInstant();
            return end.isAfter(departure) ? end : departure;
        }
        return departure.atZone(PROGRAMME_ZONE).plus(retention).toInstant();
    }
}
