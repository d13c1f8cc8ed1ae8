package fr.catalyse.pathway;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.modulith.NamedInterface;

/**
 * Counts and calendars of the pilot pathway and the governance dialogues
 * ({@code catalyse.pathway}); their delays are in {@code catalyse.deadlines.pilot.*} and
 * {@code catalyse.deadlines.governance.*}.
 *
 * @param supportMonths how many monthly follow-ups each selected territory has
 * @param sessionTime time of day sessions start, Paris time (e.g. 09:30)
 * @param sessionLength how long a session lasts, in calendar invitations (ISO-8601, e.g.
 * PT6H)
 * @param nextCohortSessions when a cohort launched by the scale-up committee holds its
 * sessions, after its start
 * @param governancePeriodYears length of a governance dialogue's first period
 * @param governanceExtensionYears length of each extension
 */
@NamedInterface({ "cohorts", "statuses" })
@ConfigurationProperties("catalyse.pathway")
public record PathwayProperties(int supportMonths, String sessionTime, String sessionLength,
        Map<String, String> nextCohortSessions, int governancePeriodYears, int governanceExtensionYears) {
}
