/**
 * The nine-month pilot pathway of a cohort of territories (selection, collective
 * sessions, deliverables, monthly support, the common foundation, scale-up), as the
 * pilot-pathway process and as the cohort's record. The governance dialogues that follow
 * it are the governance module's.
 *
 * <p>
 * Named interfaces: {@code cohorts} (the cohort, its ledger and settings, for the
 * governance dialogues that follow it), {@code statuses} (what the observatory reports).
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "access :: accounts", "documents :: library",
        "forms :: values", "notification :: emails", "territory :: directory" })
package fr.catalyse.pathway;

import org.springframework.modulith.ApplicationModule;
