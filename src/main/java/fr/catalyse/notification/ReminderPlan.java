package fr.catalyse.notification;

import fr.catalyse.platform.Deadlines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The reminders of one task in time order, worked out from its due date and the policy.
 * Only the next one is ever an engine job: once sent, it schedules the one after it, so a
 * task costs one job to create and one to delete instead of one per step.
 */
record ReminderPlan(List<Reminder> reminders) {

    /** One reminder: which step, which repetition of it, when. */
    record Reminder(ReminderStep step, int count, Date date) {
    }

    static ReminderPlan of(ReminderPolicy.Offsets offsets, Date due) {
        List<Reminder> reminders = new ArrayList<>();
        offsets.of(ReminderStep.BEFORE)
            .ifPresent(offset -> reminders.add(new Reminder(ReminderStep.BEFORE, 1, Deadlines.before(due, offset))));
        offsets.of(ReminderStep.OVERDUE).ifPresent(offset -> {
            Date date = Deadlines.after(due, offset);
            reminders.add(new Reminder(ReminderStep.OVERDUE, 1, date));
            for (int count = 2; count <= repetitions(offsets); count++) {
                date = Deadlines.after(date, offsets.repeat());
                reminders.add(new Reminder(ReminderStep.OVERDUE, count, date));
            }
        });
        offsets.of(ReminderStep.ESCALATION)
            .ifPresent(offset -> reminders.add(new Reminder(ReminderStep.ESCALATION, 1, Deadlines.after(due, offset))));
        reminders.sort(Comparator.comparing(Reminder::date).thenComparing(Reminder::step));
        return new ReminderPlan(List.copyOf(reminders));
    }

    private static int repetitions(ReminderPolicy.Offsets offsets) {
        boolean repeats = offsets.repeat() != null && !ReminderPolicy.NONE.equalsIgnoreCase(offsets.repeat())
                && offsets.maxOverdue() != null;
        return repeats ? Math.max(1, offsets.maxOverdue()) : 1;
    }

    /** The first reminder of a new (or rescheduled) task. */
    Optional<Reminder> first(Date now) {
        return from(0, now);
    }

    /**
     * The reminder after the one just sent; if the policy changed meanwhile, the next one
     * still to come.
     */
    Optional<Reminder> after(ReminderStep step, int count, Date now) {
        for (int index = 0; index < reminders.size(); index++) {
            Reminder sent = reminders.get(index);
            if (sent.step() == step && sent.count() == count) {
                return from(index + 1, now);
            }
        }
        int firstToCome = 0;
        while (firstToCome < reminders.size() && !reminders.get(firstToCome).date().after(now)) {
            firstToCome++;
        }
        return from(firstToCome, now);
    }

    /**
     * The first reminder from {@code index} still worth sending: a reminder before the
     * due date is pointless once it has passed, and of several late reminders already due
     * only the last goes out. Due reminders are sent at once, so a task created late is
     * told it is late.
     */
    private Optional<Reminder> from(int index, Date now) {
        for (int candidate = index; candidate < reminders.size(); candidate++) {
            Reminder reminder = reminders.get(candidate);
            boolean tooLate = reminder.step() == ReminderStep.BEFORE && !reminder.date().after(now);
            if (!tooLate && !(reminder.step() == ReminderStep.OVERDUE && overtaken(candidate, now))) {
                return Optional.of(reminder);
            }
        }
        return Optional.empty();
    }

    private boolean overtaken(int overdue, Date now) {
        return reminders.subList(overdue + 1, reminders.size())
            .stream()
            .anyMatch(later -> later.step() == ReminderStep.OVERDUE && !later.date().after(now));
    }
}
