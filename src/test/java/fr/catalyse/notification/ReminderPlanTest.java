package fr.catalyse.notification;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.platform.Deadlines;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReminderPlanTest {

    static final Date DUE = new Date(1_800_000_000_000L);
    static final ReminderPolicy.Offsets WEEKLY = new ReminderPolicy.Offsets("P3D", "P1D", "P7D", 3, "P7D",
            ReminderPolicy.EscalationTarget.AUTO);

    @Test
    void remindersComeInTimeOrderWithTheEscalationBetweenTheWeeklyReminders() {
        assertThat(ReminderPlan.of(WEEKLY, DUE).reminders())
            .extracting(r -> r.step() + "|" + r.count(), ReminderPlan.Reminder::date)
            .containsExactly(org.assertj.core.groups.Tuple.tuple("BEFORE|1", Deadlines.before(DUE, "P3D")),
                    org.assertj.core.groups.Tuple.tuple("OVERDUE|1", Deadlines.after(DUE, "P1D")),
                    org.assertj.core.groups.Tuple.tuple("ESCALATION|1", Deadlines.after(DUE, "P7D")),
                    org.assertj.core.groups.Tuple.tuple("OVERDUE|2", Deadlines.after(DUE, "P8D")),
                    org.assertj.core.groups.Tuple.tuple("OVERDUE|3", Deadlines.after(DUE, "P15D")));
    }

    @Test
    void eachReminderLeadsToTheNextUntilTheLast() {
        ReminderPlan plan = ReminderPlan.of(WEEKLY, DUE);
        Date now = Deadlines.before(DUE, "P10D");
        List<String> sent = new java.util.ArrayList<>();
        Optional<ReminderPlan.Reminder> next = plan.first(now);
        while (next.isPresent()) {
            ReminderPlan.Reminder reminder = next.get();
            sent.add(reminder.step() + "|" + reminder.count());
            next = plan.after(reminder.step(), reminder.count(), reminder.date());
        }
        assertThat(sent).containsExactly("BEFORE|1", "OVERDUE|1", "ESCALATION|1", "OVERDUE|2", "OVERDUE|3");
    }

    @Test
    void aTaskCreatedLateIsToldAtOnceWithoutTheRemindersTimeOvertook() {
        ReminderPlan plan = ReminderPlan.of(WEEKLY, DUE);
        Date tenDaysLate = Deadlines.after(DUE, "P10D");

        ReminderPlan.Reminder first = plan.first(tenDaysLate).orElseThrow();
        assertThat(first.step()).as("no reminder before a passed due date, no first overdue overtaken by the second")
            .isEqualTo(ReminderStep.ESCALATION);
        ReminderPlan.Reminder second = plan.after(first.step(), first.count(), tenDaysLate).orElseThrow();
        assertThat(second.step() + "|" + second.count()).isEqualTo("OVERDUE|2");
    }

    @Test
    void stepsTurnedOffAreLeftOutAndAChangedPolicyResumesWithWhatIsStillToCome() {
        var beforeOnly = new ReminderPolicy.Offsets("PT1H", "none", null, null, "none", null);
        ReminderPlan plan = ReminderPlan.of(beforeOnly, DUE);
        assertThat(plan.reminders()).extracting(ReminderPlan.Reminder::step).containsExactly(ReminderStep.BEFORE);
        assertThat(plan.after(ReminderStep.BEFORE, 1, DUE)).isEmpty();

        Optional<ReminderPlan.Reminder> resumed = ReminderPlan.of(WEEKLY, DUE)
            .after(ReminderStep.OVERDUE, 9, Deadlines.after(DUE, "P2D"));
        assertThat(resumed).map(ReminderPlan.Reminder::step).contains(ReminderStep.ESCALATION);
    }

}
