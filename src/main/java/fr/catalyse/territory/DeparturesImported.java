package fr.catalyse.territory;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * People a file marked as gone ({@code statut} « parti »), published in the import's
 * transaction: the module that handles departures deactivates them there, so that a
 * refusal rolls the whole import back.
 *
 * @param importedBy who imported the file
 */
@NamedInterface("departures")
public record DeparturesImported(List<String> userIds, String importedBy) {
}
