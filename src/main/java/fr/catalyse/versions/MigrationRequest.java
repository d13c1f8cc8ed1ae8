package fr.catalyse.versions;

import java.util.List;
import java.util.Map;

/**
 * What the programme team asks for: move the instances of {@code fromVersion} to
 * {@code toVersion}.
 *
 * @param mappings activities renamed or replaced in the new version, old id → new id;
 * activities with the same id in both versions are mapped without being listed
 * @param variables set on every migrated instance (e.g. a value a new version reads)
 * @param instances only these instances of {@code fromVersion}; all of them when empty
 * @param dryRun true unless {@code false} is sent: nothing changes, the report says what
 * would
 */
record MigrationRequest(Integer fromVersion, Integer toVersion, Map<String, String> mappings,
        Map<String, Object> variables, List<String> instances, Boolean dryRun) {

    Map<String, String> mappingsOrNone() {
        return mappings == null ? Map.of() : mappings;
    }

    Map<String, Object> variablesOrNone() {
        return variables == null ? Map.of() : variables;
    }

    List<String> instancesOrAll() {
        return instances == null ? List.of() : instances;
    }

    boolean rehearsal() {
        return !Boolean.FALSE.equals(dryRun);
    }
}
