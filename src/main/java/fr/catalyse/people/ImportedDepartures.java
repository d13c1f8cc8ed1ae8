package fr.catalyse.people;

import fr.catalyse.territory.DeparturesImported;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The directory import's column {@code statut} « parti »: each person so marked is
 * deactivated in the import's own transaction (a name the directory does not know refuses
 * the whole file). The import deletes nobody.
 */
@Component
class ImportedDepartures {

    private final Departures departures;

    ImportedDepartures(Departures departures) {
        this.departures = departures;
    }

    @EventListener
    void imported(DeparturesImported imported) {
        departures.deactivateImported(imported.userIds(), imported.importedBy());
    }

}
