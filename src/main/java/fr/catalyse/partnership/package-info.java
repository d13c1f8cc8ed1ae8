/**
 * The partnership lifecycle: dialogue, matchmaking, experiment design, support and
 * evaluation, as the partnership-lifecycle process and as the business record that
 * follows it.
 *
 * <p>
 * Named interface: {@code statuses} (the stages and statuses the observatory reports).
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "forms :: values", "notification :: emails",
        "territory :: directory" })
package fr.catalyse.partnership;

import org.springframework.modulith.ApplicationModule;
