package fr.catalyse.notification;

import fr.catalyse.platform.Deadlines;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.springframework.modulith.NamedInterface;

/** Dates as a French reader expects them, on Paris time. */
@NamedInterface("emails")
public final class FrenchDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH)
        .withZone(Deadlines.ZONE);

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter
        .ofPattern("EEEE d MMMM yyyy 'à' HH'h'mm", Locale.FRENCH)
        .withZone(Deadlines.ZONE);

    private FrenchDates() {
    }

    /** e.g. "lundi 3 mars 2027" */
    public static String day(Date date) {
        return date == null ? "" : DAY.format(date.toInstant());
    }

    /** e.g. "2027-03-03", the day in Paris */
    public static String isoDay(Date date) {
        return date == null ? "" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(Deadlines.ZONE).format(date.toInstant());
    }

    /** e.g. "lundi 3 mars 2027 à 09h00" */
    public static String dayAndTime(Date date) {
        return date == null ? "" : DAY_AND_TIME.format(date.toInstant());
    }

}
