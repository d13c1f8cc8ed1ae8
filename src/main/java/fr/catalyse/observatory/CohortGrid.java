package fr.catalyse.observatory;

import fr.catalyse.platform.Refusal;
import fr.catalyse.pathway.DeliverableStatus;
import fr.catalyse.pathway.ParticipationStatus;
import fr.catalyse.pathway.PathwayProperties;
import fr.catalyse.pathway.SessionCode;
import fr.catalyse.pathway.SessionStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The cohort page: each territory's application and selection, the state of its
 * deliverable for every session, its monthly support, its binôme's review of the socle
 * commun, and the socle commun's own state (consolidation, reviews received, validation,
 * publication). A handful of queries per cohort, whatever its size.
 */
@Component
class CohortGrid {

    private final NamedParameterJdbcTemplate jdbc;

    private final EngineTasks tasks;

    private final PathwayProperties pathway;

    CohortGrid(NamedParameterJdbcTemplate jdbc, EngineTasks tasks, PathwayProperties pathway) {
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.pathway = pathway;
    }

    record Summary(long id, String name, String status, String statusLabel, String startDate, int territories,
            int selected) {
    }

    record Grid(long id, String name, String status, String statusLabel, String startDate, String processInstanceId,
            List<Session> sessions, List<Row> rows, Foundation foundation) {
    }

    record Session(String code, String title, String plannedDate, String status, String statusLabel,
            String deliverable) {
    }

    record Row(TerritoryRef territory, Participation participation, Map<String, Cell> cells, int supportMonthsDone,
            int supportMonthsPlanned, Review review) {
    }

    /**
     * The binôme's review of the socle commun's latest version: given (with its opinion),
     * expected (its task open), missed (the review closed without it), or none (not
     * selected, or no version in review yet).
     */
    record Review(String state, String label, String opinion, String reviewedAt, String taskId) {
    }

    record Participation(String status, String statusLabel, String appliedAt, String decidedAt,
            List<Person> catalysts) {
    }

    record Person(String id, String name) {
    }

    /**
     * One deliverable's state; {@code taskId} is its open task, if any;
     * {@code documentId} its first file, if any.
     */
    record Cell(String state, String label, String dueAt, String submittedAt, Long daysLate, String taskId,
            String processInstanceId, String documentId) {

        Cell(String state, String label, String dueAt, String submittedAt, Long daysLate, String taskId,
                String processInstanceId) {
            this(state, label, dueAt, submittedAt, daysLate, taskId, processInstanceId, null);
        }

        Cell withDocument(String id) {
            return id == null ? this
                    : new Cell(state, label, dueAt, submittedAt, daysLate, taskId, processInstanceId, id);
        }
    }

    record Foundation(int version, String status, String statusLabel, int reviewsReceived, int reviewsExpected,
            String consolidatedAt, String validatedAt, String publishedAt) {
    }

    /**
     * The cohorts the caller sees: all of them, or those where one of the catalyst's
     * territories takes part.
     */
    List<Summary> cohorts(ObservatoryScope scope) {
        MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource());
        return jdbc.query("""
                select c.id, c.name, c.status, c.start_date, count(p.id) as territories,
                  sum(case when p.status = 'SELECTED' then 1 else 0 end) as selected
                from cohort c join participation p on p.cohort_id = c.id join territory t on t.id = p.territory_id
                where %s
                group by c.id, c.name, c.status, c.start_date
                order by c.start_date desc, c.id desc
                """.formatted(scope.condition("t.code")), parameters,
                (row, index) -> new Summary(row.getLong("id"), row.getString("name"), row.getString("status"),
                        Labels.cohort(row.getString("status")), Moments.iso(Moments.date(row, "start_date")),
                        row.getInt("territories"), row.getInt("selected")));
    }

    Grid grid(ObservatoryScope scope, long cohortId) {
        MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource("cohort", cohortId));
        List<Grid> found = jdbc.query(
                "select id, name, status, start_date, process_instance_id from cohort where id = :cohort", parameters,
                (row, index) -> new Grid(row.getLong("id"), row.getString("name"), row.getString("status"),
                        Labels.cohort(row.getString("status")), Moments.iso(Moments.date(row, "start_date")),
                        row.getString("process_instance_id"), List.of(), List.of(), null));
        if (found.isEmpty()) {
            throw Refusal.notFound("Cohorte inconnue : " + cohortId + ".");
        }
        Grid cohort = found.get(0);
        Instant now = Moments.now();

        Map<String, Session> sessions = new LinkedHashMap<>();
        jdbc.query(
                "select code, title, planned_date, status from collective_session where cohort_id = :cohort order by position",
                parameters, row -> {
                    String code = row.getString("code");
                    sessions.put(code,
                            new Session(code, row.getString("title"), Moments.iso(Moments.date(row, "planned_date")),
                                    row.getString("status"), Labels.session(row.getString("status")),
                                    SessionCode.of(code).deliverable()));
                });

        Map<Long, Map<String, Deliverable>> deliverables = new HashMap<>();
        jdbc.query(
                """
                        select d.participation_id, d.session_code, d.due_at, d.submitted_at, d.status
                        from deliverable d join participation p on p.id = d.participation_id join territory t on t.id = p.territory_id
                        where p.cohort_id = :cohort and %s
                        """
                    .formatted(scope.condition("t.code")),
                parameters, row -> {
                    deliverables.computeIfAbsent(row.getLong("participation_id"), id -> new HashMap<>())
                        .put(row.getString("session_code"),
                                new Deliverable(Moments.instant(row, "due_at"), Moments.instant(row, "submitted_at"),
                                        DeliverableStatus.valueOf(row.getString("status"))));
                });
        Map<String, String> openTasks = tasks.territoryTasks(cohort.processInstanceId(), EngineTasks.DELIVERABLE_TASK);
        Foundation foundation = foundation(parameters);
        Map<String, Review> reviews = foundation == null ? Map.of() : reviews(scope, parameters,
                tasks.territoryTasks(cohort.processInstanceId(), EngineTasks.FOUNDATION_REVIEW_TASK));
        Review noReview = foundation == null ? NO_REVIEW : MISSED_REVIEW;
        // The first file of each deliverable (documents module, table catalyse_document),
        // by territory and session.
        Map<String, String> files = new HashMap<>();
        jdbc.query(
                """
                        select territory_code, session_code, id from catalyse_document
                        where process_instance_id = :instance and task_definition_key = 'Task_SubmitDeliverable' and session_code is not null
                        order by uploaded_at desc, id desc
                        """,
                new MapSqlParameterSource("instance", cohort.processInstanceId()), row -> {
                    files.put(row.getString("territory_code") + "/" + row.getString("session_code"),
                            row.getString("id"));
                });

        List<Row> rows = new ArrayList<>(jdbc
            .query("""
                    select p.id, p.status, p.applied_at, p.decided_at, p.catalyst_one, p.catalyst_two, t.code, t.name,
                      c1.first_name as first_one, c1.last_name as last_one, c2.first_name as first_two, c2.last_name as last_two,
                      coalesce(f.months, 0) as months
                    from participation p join territory t on t.id = p.territory_id
                    left join participant c1 on c1.user_id = p.catalyst_one
                    left join participant c2 on c2.user_id = p.catalyst_two
                    left join (select s.participation_id, count(*) as months from support_followup s
                               join participation sp on sp.id = s.participation_id where sp.cohort_id = :cohort
                               group by s.participation_id) f on f.participation_id = p.id
                    where p.cohort_id = :cohort and %s
                    """
                .formatted(scope.condition("t.code")), parameters, (row, index) -> {
                    ParticipationStatus status = ParticipationStatus.valueOf(row.getString("status"));
                    TerritoryRef territory = new TerritoryRef(row.getString("code"), row.getString("name"));
                    Map<String, Deliverable> handedIn = deliverables.getOrDefault(row.getLong("id"), Map.of());
                    Map<String, Cell> cells = new LinkedHashMap<>();
                    for (SessionCode session : SessionCode.values()) {
                        Session planned = sessions.get(session.name());
                        boolean cancelled = planned != null && SessionStatus.CANCELLED.name().equals(planned.status());
                        cells.put(session.name(),
                                cell(session, status, cancelled, handedIn.get(session.name()),
                                        openTasks.get(territory.code()), cohort.processInstanceId(), now)
                                    .withDocument(files.get(territory.code() + "/" + session.name())));
                    }
                    return new Row(territory, participation(row, status), cells, row.getInt("months"),
                            status == ParticipationStatus.SELECTED ? pathway.supportMonths() : 0,
                            status == ParticipationStatus.SELECTED ? reviews.getOrDefault(territory.code(), noReview)
                                    : NO_REVIEW);
                }));
        if (rows.isEmpty() && !scope.everyTerritory()) {
            throw Refusal.forbidden(
                    "Accès refusé : aucun de vos territoires ne participe à la cohorte « " + cohort.name() + " ».");
        }
        rows.sort((one, other) -> TerritoryRef.BY_NAME.compare(one.territory(), other.territory()));

        return new Grid(cohort.id(), cohort.name(), cohort.status(), cohort.statusLabel(), cohort.startDate(),
                cohort.processInstanceId(), List.copyOf(sessions.values()), rows, foundation);
    }

    private static final Review NO_REVIEW = new Review("NOT_APPLICABLE", "sans objet", null, null, null);

    private static final Review MISSED_REVIEW = new Review("MISSED", "sans avis", null, null, null);

    /**
     * The selected territories' reviews of the latest version, by territory code: given;
     * expected while the binôme's task is open; missed otherwise (the review closed at
     * its deadline without it).
     */
    private Map<String, Review> reviews(ObservatoryScope scope, MapSqlParameterSource parameters,
            Map<String, String> openReviews) {
        Map<String, Review> byTerritory = new HashMap<>();
        jdbc.query(
                """
                        select t.code, r.opinion, r.reviewed_at
                        from foundation_review r join territory t on t.id = r.territory_id
                        join foundation_version v on v.id = r.foundation_version_id
                        where v.cohort_id = :cohort and v.version = (select max(v2.version) from foundation_version v2 where v2.cohort_id = :cohort)
                          and %s
                        """
                    .formatted(scope.condition("t.code")),
                parameters, row -> {
                    String opinion = row.getString("opinion");
                    byTerritory.put(row.getString("code"),
                            new Review("GIVEN", "avis donné : " + Labels.foundationOpinion(opinion), opinion,
                                    Moments.iso(Moments.instant(row, "reviewed_at")), null));
                });
        openReviews.forEach((territory, task) -> byTerritory.putIfAbsent(territory,
                new Review("EXPECTED", "avis attendu", null, null, task)));
        return byTerritory;
    }

    private record Deliverable(Instant dueAt, Instant submittedAt, DeliverableStatus status) {
    }

    /**
     * A deliverable's state: none after the webinar, for a territory not selected or a
     * cancelled session; due and not in (late once its due date is past on the engine's
     * clock); handed in on time or late.
     */
    private static Cell cell(SessionCode session, ParticipationStatus participation, boolean cancelled,
            Deliverable deliverable, String openTask, String instance, Instant now) {
        if (session.deliverable() == null || participation != ParticipationStatus.SELECTED || cancelled) {
            return new Cell("NOT_APPLICABLE", "sans objet", null, null, null, null, null);
        }
        if (deliverable == null) {
            return new Cell("EXPECTED", "attendu", null, null, null, null, instance);
        }
        String due = Moments.iso(deliverable.dueAt());
        return switch (deliverable.status()) {
            case SUBMITTED -> new Cell("ON_TIME", "déposé à temps", due, Moments.iso(deliverable.submittedAt()), null,
                    null, instance);
            case SUBMITTED_LATE ->
                new Cell("SUBMITTED_LATE", "déposé en retard", due, Moments.iso(deliverable.submittedAt()),
                        Moments.daysLate(deliverable.dueAt(), deliverable.submittedAt()), null, instance);
            case EXPECTED -> {
                if (!now.isAfter(deliverable.dueAt())) {
                    yield new Cell("EXPECTED", "attendu", due, null, null, openTask, instance);
                }
                long late = Moments.daysLate(deliverable.dueAt(), now);
                yield new Cell("OVERDUE", "en retard de " + late + (late == 1 ? " jour" : " jours"), due, null, late,
                        openTask, instance);
            }
        };
    }

    private static Participation participation(ResultSet row, ParticipationStatus status) throws SQLException {
        List<Person> catalysts = new ArrayList<>();
        for (String which : List.of("one", "two")) {
            String id = row.getString("catalyst_" + which);
            if (id != null) {
                String name = Stream.of(row.getString("first_" + which), row.getString("last_" + which))
                    .filter(Objects::nonNull)
                    .reduce((first, last) -> first + " " + last)
                    .orElse(id);
                catalysts.add(new Person(id, name));
            }
        }
        return new Participation(status.name(), Labels.participation(status.name()),
                Moments.iso(Moments.instant(row, "applied_at")), Moments.iso(Moments.instant(row, "decided_at")),
                catalysts);
    }

    /**
     * The socle commun's latest version; the reviews expected are one per selected
     * territory of the cohort.
     */
    private Foundation foundation(MapSqlParameterSource parameters) {
        List<Foundation> latest = jdbc.query(
                """
                        select v.version, v.status, v.consolidated_at, v.validated_at, v.published_at,
                          (select count(*) from foundation_review r where r.foundation_version_id = v.id) as reviews,
                          (select count(*) from participation p where p.cohort_id = v.cohort_id and p.status = 'SELECTED') as expected
                        from foundation_version v where v.cohort_id = :cohort order by v.version desc limit 1
                        """,
                parameters,
                (row, index) -> new Foundation(row.getInt("version"), row.getString("status"),
                        Labels.foundation(row.getString("status")), row.getInt("reviews"), row.getInt("expected"),
                        Moments.iso(Moments.instant(row, "consolidated_at")),
                        Moments.iso(Moments.instant(row, "validated_at")),
                        Moments.iso(Moments.instant(row, "published_at"))));
        return latest.isEmpty() ? null : latest.get(0);
    }

    /** The grid as exported: one line per territory, a column per session. */
    static Table table(Grid grid) {
        List<String> headers = new ArrayList<>(List.of("Territoire", "Code du territoire", "Participation", "Binôme"));
        for (SessionCode session : SessionCode.values()) {
            headers.add(session.label());
        }
        headers
            .addAll(List.of("Mois d'accompagnement faits", "Mois d'accompagnement prévus", "Avis sur le socle commun"));
        List<List<Object>> rows = new ArrayList<>();
        for (Row row : grid.rows()) {
            List<Object> line = new ArrayList<>(
                    List.of(row.territory().name(), row.territory().code(), row.participation().statusLabel(),
                            String.join(", ", row.participation().catalysts().stream().map(Person::name).toList())));
            for (SessionCode session : SessionCode.values()) {
                line.add(row.cells().get(session.name()).label());
            }
            line.add(row.supportMonthsDone());
            line.add(row.supportMonthsPlanned());
            line.add(row.review().label());
            rows.add(line);
        }
        return new Table("cohorte-" + grid.id(), "Cohorte", headers, rows);
    }

}
