/**
 * Territories, their organisations and the participants who act for them.
 *
 * <p>
 * Named interfaces: {@code directory} (territories, organisations, participants),
 * {@code imports} (the directory's CSV import, for the demo).
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "access :: accounts", "forms :: choices",
        "notification :: emails" })
package fr.catalyse.territory;

import org.springframework.modulith.ApplicationModule;
