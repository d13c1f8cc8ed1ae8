package fr.catalyse.observatory;

import fr.catalyse.observatory.EngineTasks.InstanceTasks;
import fr.catalyse.observatory.EngineTasks.NextTask;
import fr.catalyse.governance.DialogueStatus;
import fr.catalyse.pathway.PathwayProperties;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The governance dialogues page: for each dialogue, the month of follow-up it has reached
 * (1 in its first month, counted on the engine's clock from its start, up to its
 * closing), out of the months planned (the first period of
 * {@code catalyse.pathway.governance-period-years}, plus one extension of
 * {@code governance-extension-years} for every period after the first), its next review
 * and its late ones.
 */
@Component
class GovernanceBoard {

    static final int FOLLOW_UP_MONTHS = 36;

    private final NamedParameterJdbcTemplate jdbc;

    private final EngineTasks tasks;

    private final PathwayProperties pathway;

    GovernanceBoard(NamedParameterJdbcTemplate jdbc, EngineTasks tasks, PathwayProperties pathway) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.pathway = pathway;
    }

    record Dialogue(long id, TerritoryRef territory, String subject, String status, String statusLabel,
            long monthReached, int monthsPlanned, boolean extended, boolean pastMonth36, NextTask nextReview,
            int lateReviews, String startedAt, String processInstanceId) {
    }

    List<Dialogue> dialogues(ObservatoryScope scope) {
        MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource());
        Instant now = Moments.now();
        Map<String, InstanceTasks> open = tasks.byInstance(
                "select gg.process_instance_id from governance_dialogue gg "
                        + "join territory tt on tt.id = gg.territory_id where " + scope.condition("tt.code"),
                parameters, now);
        List<Dialogue> dialogues = new ArrayList<>(jdbc
            .query("""
                    select g.id, g.subject, g.status, g.periods, g.started_at, g.closed_at, g.process_instance_id, t.code, t.name
                    from governance_dialogue g join territory t on t.id = g.territory_id
                    where %s
                    """
                .formatted(scope.condition("t.code")), parameters, (row, index) -> {
                    Instant started = Moments.instant(row, "started_at");
                    long month = monthReached(started, Moments.instant(row, "closed_at"), now);
                    int periods = row.getInt("periods");
                    String status = row.getString("status");
                    InstanceTasks instanceTasks = open.get(row.getString("process_instance_id"));
                    return new Dialogue(row.getLong("id"),
                            new TerritoryRef(row.getString("code"), row.getString("name")), row.getString("subject"),
                            status, Labels.dialogue(status), month, monthsPlanned(periods), periods > 1,
                            DialogueStatus.ACTIVE.name().equals(status) && month > FOLLOW_UP_MONTHS,
                            instanceTasks == null ? null : instanceTasks.next(),
                            instanceTasks == null ? 0 : instanceTasks.late(), Moments.iso(started),
                            row.getString("process_instance_id"));
                }));
        dialogues.sort(Comparator.comparing(Dialogue::territory, TerritoryRef.BY_NAME).thenComparing(Dialogue::id));
        return dialogues;
    }

    /**
     * The month of follow-up a dialogue reached (1 in its first month), at its close or
     * now.
     */
    static long monthReached(Instant started, Instant closed, Instant now) {
        return Moments.months(started, closed == null ? now : closed) + 1;
    }

    int monthsPlanned(int periods) {
        return pathway.governancePeriodYears() * 12 + (periods - 1) * pathway.governanceExtensionYears() * 12;
    }

    static Table table(List<Dialogue> dialogues) {
        List<List<Object>> rows = new ArrayList<>();
        for (Dialogue dialogue : dialogues) {
            rows.add(
                    Arrays.asList(dialogue.territory().name(), dialogue.territory().code(), dialogue.subject(),
                            dialogue.statusLabel(), dialogue.monthReached(), dialogue.monthsPlanned(),
                            dialogue.extended() ? "oui" : "non",
                            dialogue.nextReview() == null ? null : dialogue.nextReview().name(),
                            dialogue.nextReview() == null || dialogue.nextReview().dueAt() == null ? null
                                    : Moments.parisDate(Instant.parse(dialogue.nextReview().dueAt())),
                            dialogue.lateReviews()));
        }
        return new Table("dialogues-de-gouvernance", "Dialogues de gouvernance",
                List.of("Territoire", "Code du territoire", "Sujet", "État", "Mois atteint", "Mois prévus", "Prolongé",
                        "Prochaine revue", "Échéance de la prochaine revue", "Revues en retard"),
                rows);
    }

}
