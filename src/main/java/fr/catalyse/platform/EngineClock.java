package fr.catalyse.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * « Now » for the programme's records, deadlines and limits: the engine's clock, which
 * due dates and timers read too, so a test or a rehearsal that moves it moves everything.
 * The engine exposes it only through an internal class (listed in
 * docs/engine-internals.md); this is its one reader for « now ».
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** Today in the programme's zone ({@link Deadlines#ZONE}), on the same clock. */
    public static LocalDate today() {
        return now().atZone(Deadlines.ZONE).toLocalDate();
    }

    /** « Now » as the engine's own APIs take it (due dates, job and task queries). */
    public static Date date() {
        return ClockUtil.getCurrentTime();
    }

    /**
     * Runs work with the engine's clock set to that moment, then gives it back to the
     * system's: the demo plays a cohort started months ago as if each step happened on
     * its day.
     */
    public static void runAt(Instant moment, Runnable work) {
        ClockUtil.setCurrentTime(Date.from(moment));
        try {
            work.run();
        }
        finally {
            ClockUtil.reset();
        }
    }

}
