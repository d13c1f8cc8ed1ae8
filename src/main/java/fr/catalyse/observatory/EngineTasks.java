package fr.catalyse.observatory;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's open user tasks, read with plain SQL over ACT_RU_TASK and its candidate
 * groups: one set-based query per page, whatever the number of instances (the task query
 * API would ask once per instance). Read only, and without the engine's authorization
 * checks: the observatory's scope has already chosen which instances are asked about. A
 * task is late when its due date is past on the engine's clock.
 */
@Component
class EngineTasks {

    /**
     * Standing tasks that wait to be used if needed (« Demander une médiation (si besoin)
     * », open during the whole support period): neither the next thing to do nor late.
     */
    static final List<String> STANDING = List.of("Task_RequestMediation");

    static final String DELIVERABLE_TASK = "Task_SubmitDeliverable";
    static final String FOUNDATION_REVIEW_TASK = "Task_ReviewFoundation";

    private final NamedParameterJdbcTemplate jdbc;

    EngineTasks(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The open task due first (undated ones last; the same due date: by id), with its
     * name, due date and id.
     */
    record NextTask(String name, String dueAt, String taskId) {
    }

    record InstanceTasks(NextTask next, int late) {
    }

    /**
     * For every process instance that {@code instances} (a SQL query of process instance
     * ids, with its parameters) selects and that has open tasks: its next task and how
     * many of its tasks are late. For the exports, which list every partnership; a page
     * asks {@link #byInstance(Collection, Instant)}.
     */
    Map<String, InstanceTasks> byInstance(String instances, MapSqlParameterSource parameters, Instant now) {
        return nextAndLate("t.proc_inst_id_ in (%s)".formatted(instances), parameters, now);
    }

    /**
     * The same for a page's process instances (a few hundred at most): the index on the
     * instance and the due date (V11) reads their own tasks only, instead of every open
     * task as a window over the whole table did (benchmark of 2026-12-03).
     */
    Map<String, InstanceTasks> byInstance(Collection<String> instances, Instant now) {
        if (instances.isEmpty()) {
            return Map.of();
        }
        return nextAndLate("t.proc_inst_id_ in (:instances)",
                new MapSqlParameterSource("instances", List.copyOf(instances)), now);
    }

    private Map<String, InstanceTasks> nextAndLate(String condition, MapSqlParameterSource parameters, Instant now) {
        String sql = """
                select x.proc_inst_id_, x.id_, x.name_, x.due_date_, x.late from (
                  select t.proc_inst_id_, t.id_, t.name_, t.due_date_,
                    row_number() over (partition by t.proc_inst_id_ order by t.due_date_ nulls last, t.id_) as rn,
                    sum(case when t.due_date_ < :now then 1 else 0 end) over (partition by t.proc_inst_id_) as late
                  from act_ru_task t
                  where %s and t.task_def_key_ not in (:standing)
                ) x where x.rn = 1
                """.formatted(condition);
        Map<String, InstanceTasks> found = new HashMap<>();
        jdbc.query(sql, parameters.addValue("now", Moments.timestamp(now)).addValue("standing", STANDING), row -> {
            found
                .put(row.getString("proc_inst_id_"),
                        new InstanceTasks(new NextTask(row.getString("name_"),
                                Moments.iso(Moments.instant(row, "due_date_")), row.getString("id_")),
                                row.getInt("late")));
        });
        return found;
    }

    /**
     * For sorting a whole list by late tasks before paging it: the late open tasks of
     * every instance, counted from the due-date index alone (V11: its entries carry the
     * instance), without the task rows. Every instance is counted (a few thousand rows):
     * the caller keeps those of its list.
     */
    Map<String, Integer> lateByInstance(Instant now) {
        Map<String, Integer> found = new HashMap<>();
        jdbc.query("""
                select t.proc_inst_id_, count(*) as late from act_ru_task t
                where t.due_date_ < :now and t.task_def_key_ not in (:standing) group by t.proc_inst_id_
                """, new MapSqlParameterSource("now", Moments.timestamp(now)).addValue("standing", STANDING), row -> {
            found.put(row.getString("proc_inst_id_"), row.getInt("late"));
        });
        return found;
    }

    /**
     * For sorting a whole list by next task: the first due date of every instance's open
     * tasks (null: none dated), from the index on (instance, due date, task key) alone
     * (V11), read in its order and grouped as it goes. Every instance, the caller keeps
     * those of its list.
     */
    Map<String, Instant> firstDueByInstance() {
        Map<String, Instant> found = new HashMap<>();
        jdbc.query("""
                select t.proc_inst_id_, min(t.due_date_) as first_due from act_ru_task t
                where t.task_def_key_ not in (:standing) group by t.proc_inst_id_
                """, new MapSqlParameterSource("standing", STANDING), row -> {
            found.put(row.getString("proc_inst_id_"), Moments.instant(row, "first_due"));
        });
        return found;
    }

    /**
     * The open tasks of one kind (a deliverable, a review of the socle commun) of a
     * cohort's instance, by territory code: their candidate group catalyseurs.CODE.
     */
    Map<String, String> territoryTasks(String cohortInstance, String taskKey) {
        if (cohortInstance == null) {
            return Map.of();
        }
        Map<String, String> byTerritory = new HashMap<>();
        jdbc.query(
                """
                        select t.id_, l.group_id_ from act_ru_task t join act_ru_identitylink l on l.task_id_ = t.id_
                        where t.proc_inst_id_ = :instance and t.task_def_key_ = :key and l.type_ = 'candidate' and l.group_id_ like 'catalyseurs.%'
                        """,
                new MapSqlParameterSource("instance", cohortInstance).addValue("key", taskKey), row -> {
                    byTerritory.put(row.getString("group_id_").substring("catalyseurs.".length()),
                            row.getString("id_"));
                });
        return byTerritory;
    }

    /**
     * Late tasks counted by tenant, first candidate group and the assignee's role: a few
     * rows, whatever the task count.
     */
    record LateGroup(String tenant, String group, String assigneeRole, long count) {
    }

    /**
     * For a catalyst, only the tasks of their territories and those without a territory
     * (a cohort's, told apart by their candidate group afterwards) are read; for the
     * programme, every late task. Each late task's first candidate group is read from the
     * identity links' index (V11), not grouped per task.
     */
    List<LateGroup> lateGroups(ObservatoryScope scope, Instant now) {
        String territories = scope.everyTerritory() ? "1 = 1"
                : "(t.tenant_id_ is null or t.tenant_id_ in (:scopeTerritories))";
        return jdbc.query(
                """
                        select x.tenant_id_, x.grp, pa.role, count(*) as n from (
                          select t.tenant_id_, t.assignee_,
                            (select min(l.group_id_) from act_ru_identitylink l where l.task_id_ = t.id_ and l.type_ = 'candidate') as grp
                          from act_ru_task t
                          where t.due_date_ < :now and t.task_def_key_ not in (:standing) and %s
                        ) x left join participant pa on pa.user_id = x.assignee_
                        group by x.tenant_id_, x.grp, pa.role
                        """
                    .formatted(territories),
                scope.bind(new MapSqlParameterSource("now", Moments.timestamp(now))).addValue("standing", STANDING),
                (row, index) -> new LateGroup(row.getString("tenant_id_"), row.getString("grp"), row.getString("role"),
                        row.getLong("n")));
    }

}
