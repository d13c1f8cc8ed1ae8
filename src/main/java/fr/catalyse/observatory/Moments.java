package fr.catalyse.observatory;

import fr.catalyse.platform.Deadlines;
import fr.catalyse.platform.EngineClock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Time as the observatory counts it: « now » is the engine's clock (so a rehearsal or a
 * test that moves it sees the same lateness as the reminders do), days and months are
 * counted on Paris dates.
 */
final class Moments {

    private Moments() {
    }

    static Instant now() {
        return EngineClock.now();
    }

    /**
     * For SQL parameters compared with the engine's columns (timestamps without zone,
     * written in the JVM's zone).
     */
    static Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp value = row.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet row, String column) throws SQLException {
        java.sql.Date value = row.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    /** Calendar days from one moment to another, on Paris dates (0 the same day). */
    static long days(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(from.atZone(Deadlines.ZONE).toLocalDate(),
                to.atZone(Deadlines.ZONE).toLocalDate());
    }

    /** Whole months from one moment to another, in Paris time. */
    static long months(Instant from, Instant to) {
        return ChronoUnit.MONTHS.between(from.atZone(Deadlines.ZONE), to.atZone(Deadlines.ZONE));
    }

    /**
     * How many days late something due at {@code due} is at {@code at}: at least one once
     * the due moment passed.
     */
    static long daysLate(Instant due, Instant at) {
        return Math.max(1, days(due, at));
    }

    static LocalDate parisDate(Instant instant) {
        return instant == null ? null : instant.atZone(Deadlines.ZONE).toLocalDate();
    }

}
