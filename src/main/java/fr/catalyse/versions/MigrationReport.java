package fr.catalyse.versions;

import java.util.List;

/**
 * What a migration did, or would do in a dry run: the plan's instructions and, for each
 * instance, where it waits now and where it will wait, whether it moved (or can), and why
 * not, in French.
 *
 * @param summary one French sentence, e.g. « 5 instances sur 5 peuvent passer de la
 * version 1 à la version 2. »
 * @param lines the same per instance, one French line each, for a person to read
 * @param problems what makes the plan itself invalid (then no instance is listed)
 */
record MigrationReport(String processKey, int fromVersion, int toVersion, boolean dryRun,
        List<Instruction> instructions, List<InstanceReport> instances, String summary, List<String> lines,
        List<String> problems) {

    /** One activity of the old version and the one it becomes. */
    record Instruction(String from, String to) {
    }

    /**
     * Where some of an instance's activity instances are, and where they go: "count" of
     * them.
     */
    record Move(String from, String fromName, String to, String toName, int count) {
    }

    enum Status {

        MIGRATABLE, MIGRATED, FAILED

    }

    record InstanceReport(String id, String businessKey, List<Move> moves, Status status, List<String> problems) {
    }

    boolean valid() {
        return problems.isEmpty();
    }
}
