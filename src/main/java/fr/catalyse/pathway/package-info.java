/**
 * The nine-month pilot pathway of a cohort of territories (selection, collective sessions,
 * deliverables, monthly support, the common foundation, scale-up) and the governance dialogues
 * followed for at least 36 months.
 */
package fr.catalyse.pathway;
