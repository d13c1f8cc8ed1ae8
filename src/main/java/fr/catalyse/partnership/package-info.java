/**
 * The partnership lifecycle: dialogue, matchmaking, experiment design, support and evaluation, as
 * the partnership-lifecycle process and as the business record that follows it.
 */
package fr.catalyse.partnership;
