/**
 * The embedded demonstration: participants, programme data a newcomer can click through,
 * and a mailbox page showing the emails Catalyse sends. Active with catalyse.demo.enabled
 * (profile demo).
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "documents :: library", "forms :: values",
        "territory :: imports" })
package fr.catalyse.demo;

import org.springframework.modulith.ApplicationModule;
