package fr.catalyse.people;

import java.util.List;
import java.util.Map;

/**
 * What a module stores about a person, for their export and their erasure: the extension
 * point through which a module joins (e.g. the documents a person uploaded). Implement it
 * as a Spring bean in the module that owns the data; the export and the erasure call
 * every implementation.
 */
public interface PersonalData {

    /**
     * The module's records about the person, as named tables: each becomes
     * {@code <name>.json} in the export, and {@code <name>.csv} too when its values are
     * all plain (text, numbers, dates).
     */
    List<Section> export(Person person);

    /**
     * Replaces the person's names, email and user id in the module's records by the
     * pseudonym (or removes what the programme does not need to keep), in the caller's
     * transaction.
     */
    void erase(Person person, String pseudonym);

    /** The person as the directory knows them. */
    record Person(String userId, String firstName, String lastName, String email) {
    }

    /** One table of the export: its file name (without extension) and its rows. */
    record Section(String name, List<Map<String, Object>> rows) {
    }

}
