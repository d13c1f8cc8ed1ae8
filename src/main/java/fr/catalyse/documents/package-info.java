/**
 * Documents of the programme: the files people attach to their tasks (deliverables,
 * signed agreements, session minutes, evaluation syntheses) and those Catalyse publishes
 * itself (the socle commun as a PDF), stored in PostgreSQL with their checksum, checked
 * by their content, readable by whoever may see their task or instance, and required on
 * completion where the configuration says so.
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "forms :: values", "people" })
package fr.catalyse.documents;

import org.springframework.modulith.ApplicationModule;
