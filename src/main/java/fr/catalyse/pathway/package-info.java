/**
 * The nine-month pilot pathway of a cohort of territories (selection, collective sessions,
 * deliverables, monthly support, the common foundation, scale-up), as the pilot-pathway process and
 * as the cohort's record. The governance dialogues that follow it are the governance module's.
 */
package fr.catalyse.pathway;
