/**
 * The governance dialogues: with each territory, followed for at least 36 months after
 * its pathway (or started on their own), quarterly reviews, yearly assessments and a
 * final review that extends the dialogue or closes it, as the governance-dialogue process
 * and as the record that follows it.
 *
 * <p>
 * Named interface: {@code statuses}, for the observatory.
 */
@ApplicationModule(allowedDependencies = { "forms :: values", "pathway :: cohorts", "territory :: directory" })
package fr.catalyse.governance;

import org.springframework.modulith.ApplicationModule;
