/**
 * Server-side enforcement of the rules written in the .form files: Tasklist only
 * validates in the browser, so every task completion and every process start is checked
 * against its own form here.
 *
 * <p>
 * Named interfaces: {@code values} (reading what a form submitted), {@code choices} (the
 * choices a module offers to start forms).
 */
@ApplicationModule(allowedDependencies = { "access :: callers" })
package fr.catalyse.forms;

import org.springframework.modulith.ApplicationModule;
