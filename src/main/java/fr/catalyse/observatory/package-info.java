/**
 * The programme observatory: where every territory, partnership and governance dialogue
 * stands, read from the other modules' records and the engine's open tasks (plain SQL,
 * read only), with CSV and XLSX exports, served to Cockpit and Tasklist through a Cockpit
 * plugin resource and to scripts under /api/observatoire. It reads the others; nothing
 * reads it.
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "governance :: statuses", "partnership :: statuses",
        "pathway :: statuses" })
package fr.catalyse.observatory;

import org.springframework.modulith.ApplicationModule;
