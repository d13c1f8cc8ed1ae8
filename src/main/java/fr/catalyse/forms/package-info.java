/**
 * Server-side enforcement of the rules written in the .form files: Tasklist only validates in the
 * browser, so every task completion and every process start is checked against its own form here.
 */
package fr.catalyse.forms;
