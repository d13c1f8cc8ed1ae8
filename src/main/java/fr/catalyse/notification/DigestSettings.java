package fr.catalyse.notification;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When the weekly digest goes out, Paris time ({@code catalyse.digest}).
 *
 * @param enabled whether digests are sent at all
 * @param day day of the week, e.g. MONDAY
 * @param time time of day, e.g. 08:00
 */
@ConfigurationProperties("catalyse.digest")
record DigestSettings(boolean enabled, DayOfWeek day, LocalTime time) {
}
