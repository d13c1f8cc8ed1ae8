/**
 * Versions of the process models: moving running instances from one deployed version to
 * another with the engine's migration API, checked, rehearsed and reported in French for
 * the programme team.
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "notification :: migration" })
package fr.catalyse.versions;

import org.springframework.modulith.ApplicationModule;
