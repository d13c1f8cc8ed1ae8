/**
 * People over time and their rights: deactivating and reactivating a person who leaves,
 * handing their work to a successor, exporting everything stored about them, erasing them
 * after the retention period, and the record of every such operation. Other modules
 * contribute their own personal data through {@link fr.catalyse.people.PersonalData}.
 */
@ApplicationModule(allowedDependencies = { "access :: callers", "access :: accounts", "notification :: emails",
        "notification :: preferences", "notification :: records", "territory :: directory", "territory :: departures" })
package fr.catalyse.people;

import org.springframework.modulith.ApplicationModule;
