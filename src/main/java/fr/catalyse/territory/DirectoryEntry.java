package fr.catalyse.territory;

import fr.catalyse.access.Role;
import org.springframework.modulith.NamedInterface;

/**
 * One line of the participants' directory: a person, their role, one territory they act
 * for and, optionally, their organisation. A person acting for several territories has
 * one line per territory. {@code line} is its line number in the file, so that a refusal
 * can name it.
 */
@NamedInterface("imports")
public record DirectoryEntry(String territoryCode, String territoryName, String organisationCode,
        String organisationName, OrganisationKind organisationKind, String userId, String firstName, String lastName,
        String email, Role role, long line) {

    public boolean hasTerritory() {
        return territoryCode != null && !territoryCode.isBlank();
    }

    public boolean hasOrganisation() {
        return organisationCode != null && !organisationCode.isBlank();
    }
}
