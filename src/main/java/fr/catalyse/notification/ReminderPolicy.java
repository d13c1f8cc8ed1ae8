package fr.catalyse.notification;

import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When a task's actors are reminded, by process and task ({@code catalyse.reminders}):
 * defaults for every task, then overrides per process key and per
 * {@code processKey.TaskId}; "none" turns a step off.
 *
 * @param defaults offsets applied to every task with a due date
 * @param tasks overrides, keyed by process key or by process key and task id
 */
@ConfigurationProperties("catalyse.reminders")
record ReminderPolicy(Offsets defaults, Map<String, Offsets> tasks) {

    static final String NONE = "none";

    /**
     * @param before how long before the due date the first reminder goes out
     * @param overdue how long after the due date the first overdue reminder goes out
     * @param repeat interval of the following overdue reminders
     * @param maxOverdue how many overdue reminders at most
     * @param escalation how long after the due date the task is escalated
     * @param escalateTo who is told when it stays late
     */
    public record Offsets(String before, String overdue, String repeat, Integer maxOverdue, String escalation,
            EscalationTarget escalateTo) {

        Offsets over(Offsets base) {
            return new Offsets(pick(before, base.before), pick(overdue, base.overdue), pick(repeat, base.repeat),
                    maxOverdue != null ? maxOverdue : base.maxOverdue, pick(escalation, base.escalation),
                    escalateTo != null ? escalateTo : base.escalateTo);
        }

        /** The offset of a step, empty when the step is off. */
        Optional<String> of(ReminderStep step) {
            String offset = switch (step) {
                case BEFORE -> before;
                case OVERDUE -> overdue;
                case ESCALATION -> escalation;
                case ASSIGNMENT -> null;
            };
            return offset == null || offset.isBlank() || NONE.equalsIgnoreCase(offset) ? Optional.empty()
                    : Optional.of(offset);
        }

        private static String pick(String own, String base) {
            return own != null ? own : base;
        }
    }

    /** Who hears of a task that stays late. */
    public enum EscalationTarget {

        /**
         * The catalyst in charge for participants' tasks, the programme team for
         * catalysts' tasks.
         */
        AUTO, CATALYST, PROGRAMME

    }

    public Offsets forTask(String processKey, String taskKey) {
        Map<String, Offsets> overrides = tasks == null ? Map.of() : tasks;
        Offsets offsets = defaults;
        if (overrides.containsKey(processKey)) {
            offsets = overrides.get(processKey).over(offsets);
        }
        if (overrides.containsKey(processKey + "." + taskKey)) {
            offsets = overrides.get(processKey + "." + taskKey).over(offsets);
        }
        return offsets;
    }
}
