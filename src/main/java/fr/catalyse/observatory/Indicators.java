package fr.catalyse.observatory;

import fr.catalyse.access.Role;
import fr.catalyse.observatory.EngineTasks.LateGroup;
import fr.catalyse.pathway.SessionCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The Observatoire's questions (DOMAIN.md), each answered for the caller's territories
 * with its French definition and figures ready to draw: a grid (rows × columns), bars, or
 * a ratio.
 */
@Component
class Indicators {

    /** Sessions that ask the territories for a deliverable, in order. */
    private static final List<SessionCode> WITH_DELIVERABLE = Arrays.stream(SessionCode.values())
        .filter(session -> session.deliverable() != null)
        .toList();

    private static final String PARTNER_ORGANISATIONS = "Organisations partenaires";

    private static final String NO_TERRITORY = "Sans territoire (programme)";

    private final NamedParameterJdbcTemplate jdbc;

    private final EngineTasks tasks;

    Indicators(NamedParameterJdbcTemplate jdbc, EngineTasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    List<Map<String, Object>> indicators(ObservatoryScope scope) {
        Instant now = Moments.now();
        MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource("now", Moments.timestamp(now)));
        Map<String, Map<String, Long>> stagesAndKinds = stagesAndKinds(scope, parameters);
        List<LateGroup> late = tasks.lateGroups(scope, now);
        return List.of(deliverablesOnTime(scope, parameters), matches(scope, parameters), byStage(stagesAndKinds),
                byKind(stagesAndKinds), closedWithEvaluation(scope, parameters),
                indicatorEntriesOnTime(scope, parameters), overdueByTerritory(scope, late), overdueByRole(scope, late),
                dialoguesPast36(scope, parameters, now));
    }

    private Map<String, Object> deliverablesOnTime(ObservatoryScope scope, MapSqlParameterSource parameters) {
        Map<TerritoryRef, Map<String, long[]>> figures = new TreeMap<>(TerritoryRef.BY_NAME);
        jdbc.query(
                """
                        select t.code, t.name, d.session_code,
                          sum(case when d.status = 'SUBMITTED' then 1 else 0 end) as on_time,
                          sum(case when d.status <> 'EXPECTED' or d.due_at < :now then 1 else 0 end) as due
                        from deliverable d join participation p on p.id = d.participation_id join territory t on t.id = p.territory_id
                        where %s group by t.code, t.name, d.session_code
                        """
                    .formatted(scope.condition("t.code")),
                parameters, row -> {
                    figures
                        .computeIfAbsent(new TerritoryRef(row.getString("code"), row.getString("name")),
                                territory -> new LinkedHashMap<>())
                        .put(row.getString("session_code"), new long[] { row.getLong("on_time"), row.getLong("due") });
                });
        List<Map<String, Object>> rows = new ArrayList<>();
        figures.forEach((territory, sessions) -> {
            List<Integer> values = new ArrayList<>();
            for (SessionCode session : WITH_DELIVERABLE) {
                long[] counted = sessions.get(session.name());
                values.add(counted == null || counted[1] == 0 ? null : percent(counted[0], counted[1]));
            }
            rows.add(row(territory.name(), values));
        });
        Map<String, Object> indicator = indicator("deliverables-on-time", "Livrables déposés à temps",
                "Part des livrables déposés au plus tard à leur échéance, par territoire et par session, parmi ceux qui sont "
                        + "déposés ou dont l'échéance est passée (toutes cohortes). Une case vide : rien n'est encore dû.",
                "grid");
        indicator.put("columns", WITH_DELIVERABLE.stream().map(SessionCode::name).toList());
        indicator.put("rows", rows);
        indicator.put("unit", "%");
        return indicator;
    }

    private Map<String, Object> matches(ObservatoryScope scope, MapSqlParameterSource parameters) {
        // Counted by the database; only the answered matches' two dates come back, for
        // the median.
        Map<String, Long> byStatus = new LinkedHashMap<>();
        jdbc.query("""
                select m.status, count(*) as n from partnership_match m %s group by m.status
                """.formatted(matchesOf(scope)), parameters, row -> {
            byStatus.put(row.getString("status"), row.getLong("n"));
        });
        List<Duration> answerTimes = new ArrayList<>();
        jdbc.query("""
                select m.proposed_at, m.answered_at from partnership_match m %s
                  and m.answered_at is not null and m.status in ('ACCEPTED', 'DECLINED')
                """.formatted(matchesOf(scope)), parameters, row -> {
            answerTimes.add(Duration.between(Moments.instant(row, "proposed_at"), Moments.instant(row, "answered_at")));
        });
        long proposed = byStatus.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> indicator = indicator("matches", "Mises en relation",
                "Mises en relation proposées aux organisations et leur suite : acceptées, déclinées, expirées sans réponse ou en "
                        + "attente ; le délai médian de réponse compte, pour celles qui ont répondu, les jours entre la proposition et la réponse.",
                "bars");
        indicator.put("bars",
                List.of(bar("Proposées", proposed), bar("Acceptées", byStatus.getOrDefault("ACCEPTED", 0L)),
                        bar("Déclinées", byStatus.getOrDefault("DECLINED", 0L)),
                        bar("Expirées", byStatus.getOrDefault("EXPIRED", 0L)),
                        bar("En attente de réponse", byStatus.getOrDefault("PROPOSED", 0L))));
        BigDecimal median = median(answerTimes);
        indicator.put("medianAnswerDays", median);
        indicator.put("note",
                median == null ? "Aucune réponse pour l'instant : pas de délai médian."
                        : "Délai médian de réponse : " + median.toPlainString().replace('.', ',') + " jour"
                                + (median.compareTo(BigDecimal.ONE) > 0 ? "s" : "") + " (" + answerTimes.size()
                                + " réponse" + (answerTimes.size() > 1 ? "s" : "") + ").");
        return indicator;
    }

    /**
     * Which matches are counted: every one for the programme, read without joining
     * partnerships and territories (those joins were half of the matches' time at 25,500
     * matches, EXPLAIN ANALYZE); a catalyst's territories'.
     */
    private static String matchesOf(ObservatoryScope scope) {
        return scope.everyTerritory() ? "where 1 = 1"
                : "join partnership p on p.id = m.partnership_id join territory t on t.id = p.territory_id where "
                        + scope.condition("t.code");
    }

    /** The median of the answer times, in days with one decimal. */
    static BigDecimal median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Long> seconds = durations.stream().map(Duration::toSeconds).sorted().toList();
        int middle = seconds.size() / 2;
        double median = seconds.size() % 2 == 1 ? seconds.get(middle)
                : (seconds.get(middle - 1) + seconds.get(middle)) / 2.0;
        return BigDecimal.valueOf(median / 86_400).setScale(1, RoundingMode.HALF_UP);
    }

    private Map<String, Map<String, Long>> stagesAndKinds(ObservatoryScope scope, MapSqlParameterSource parameters) {
        Map<String, Map<String, Long>> counted = new LinkedHashMap<>();
        jdbc.query("""
                select p.stage, p.kind, count(*) as n from partnership p join territory t on t.id = p.territory_id
                where %s group by p.stage, p.kind
                """.formatted(scope.condition("t.code")), parameters, row -> {
            counted.computeIfAbsent(row.getString("stage"), stage -> new LinkedHashMap<>())
                .put(row.getString("kind"), row.getLong("n"));
        });
        return counted;
    }

    private Map<String, Object> byStage(Map<String, Map<String, Long>> stagesAndKinds) {
        Map<Stage, Long> counts = new LinkedHashMap<>();
        Arrays.stream(Stage.values()).forEach(stage -> counts.put(stage, 0L));
        stagesAndKinds.forEach((stage, kinds) -> counts.merge(Stage.of(stage),
                kinds.values().stream().mapToLong(Long::longValue).sum(), Long::sum));
        Map<String, Object> indicator = indicator("partnerships-by-stage", "Partenariats par étape",
                "Nombre de partenariats à chaque étape de leur cycle de vie (dialogue, mise en relation, conception, accompagnement, "
                        + "évaluation) ; les partenariats clos sont comptés selon leur issue : arrêté, essaimé ou sans financement.",
                "bars");
        indicator.put("bars",
                counts.entrySet().stream().map(entry -> bar(entry.getKey().label(), entry.getValue())).toList());
        return indicator;
    }

    private Map<String, Object> byKind(Map<String, Map<String, Long>> stagesAndKinds) {
        Map<String, Long> counts = new TreeMap<>();
        stagesAndKinds.values().forEach(kinds -> kinds.forEach((kind, n) -> counts.merge(kind, n, Long::sum)));
        Map<String, Object> indicator = indicator("partnerships-by-kind", "Partenariats par type",
                "Nombre de partenariats de chaque type (mécénat, pratiques responsables, coopération économique, innovation "
                        + "sociétale), toutes étapes confondues.",
                "bars");
        indicator.put("bars",
                counts.entrySet()
                    .stream()
                    .map(entry -> bar(Labels.KINDS.label(entry.getKey()), entry.getValue()))
                    .toList());
        return indicator;
    }

    private Map<String, Object> closedWithEvaluation(ObservatoryScope scope, MapSqlParameterSource parameters) {
        long[] counted = jdbc.queryForObject(
                """
                        select count(*) as closed,
                          coalesce(sum(case when exists (select 1 from evaluation e where e.partnership_id = p.id) then 1 else 0 end), 0) as evaluated
                        from partnership p join territory t on t.id = p.territory_id
                        where %s and p.stage in ('CLOSED', 'SPREAD', 'STOPPED')
                        """
                    .formatted(scope.condition("t.code")),
                parameters, (row, index) -> new long[] { row.getLong("evaluated"), row.getLong("closed") });
        Map<String, Object> indicator = indicator("closed-with-evaluation", "Partenariats clos après une évaluation",
                "Part des partenariats clos (arrêtés, essaimés ou sans financement) qui ont reçu au moins une évaluation partenariale. "
                        + "Le programme vise 100 % : l'évaluation doit être la fin normale de tout partenariat.",
                "ratio");
        ratio(indicator, counted[0], counted[1]);
        return indicator;
    }

    private Map<String, Object> indicatorEntriesOnTime(ObservatoryScope scope, MapSqlParameterSource parameters) {
        long[] counted = jdbc.queryForObject("""
                select
                  coalesce(sum(case when h.end_time_ is not null and h.delete_reason_ = 'completed'
                    and (h.due_date_ is null or h.end_time_ <= h.due_date_) then 1 else 0 end), 0) as on_time,
                  coalesce(sum(case when h.end_time_ is not null and h.delete_reason_ = 'completed' then 1
                    when h.end_time_ is null and h.due_date_ < :now then 1 else 0 end), 0) as due
                from act_hi_taskinst h
                where h.task_def_key_ = 'Task_EnterIndicators' and h.proc_def_key_ = 'partnership-lifecycle' and %s
                """.formatted(scope.condition("h.tenant_id_")), parameters,
                (row, index) -> new long[] { row.getLong("on_time"), row.getLong("due") });
        Map<String, Object> indicator = indicator("indicator-entries-on-time", "Saisies d'indicateurs à temps",
                "Part des saisies mensuelles d'indicateurs des partenaires faites au plus tard à leur échéance, parmi celles qui "
                        + "sont faites ou dont l'échéance est passée.",
                "ratio");
        ratio(indicator, counted[0], counted[1]);
        return indicator;
    }

    private Map<String, Object> overdueByTerritory(ObservatoryScope scope, List<LateGroup> late) {
        Map<String, Long> byCode = new LinkedHashMap<>();
        for (LateGroup group : late) {
            String territory = territoryOf(group).orElse(null);
            if (territory == null ? scope.everyTerritory() : scope.sees(territory)) {
                byCode.merge(territory == null ? "" : territory, group.count(), Long::sum);
            }
        }
        Map<String, String> names = territoryNames(byCode.keySet());
        List<Map<String, Object>> bars = new ArrayList<>();
        byCode.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .forEach(entry -> bars
                .add(bar(entry.getKey().isEmpty() ? NO_TERRITORY : names.getOrDefault(entry.getKey(), entry.getKey()),
                        entry.getValue())));
        Map<String, Object> indicator = indicator("overdue-tasks-by-territory", "Tâches en retard par territoire",
                "Tâches ouvertes dont l'échéance est passée, par territoire : celui du processus, ou pour une cohorte celui du groupe "
                        + "à qui la tâche est confiée ; les tâches de l'équipe programme sur une cohorte sont comptées à part.",
                "bars");
        indicator.put("bars", bars);
        indicator.put("unit", "tâches");
        return indicator;
    }

    private Map<String, Object> overdueByRole(ObservatoryScope scope, List<LateGroup> late) {
        Map<String, Long> byRole = new LinkedHashMap<>();
        for (LateGroup group : late) {
            String territory = territoryOf(group).orElse(null);
            if (territory == null ? scope.everyTerritory() : scope.sees(territory)) {
                byRole.merge(roleOf(group), group.count(), Long::sum);
            }
        }
        Map<String, Object> indicator = indicator("overdue-tasks-by-role", "Tâches en retard par rôle",
                "Tâches ouvertes dont l'échéance est passée, selon le rôle du groupe ou de la personne à qui elles sont confiées "
                        + "(catalyseurs, collectivités, organisations partenaires, équipe programme…).",
                "bars");
        indicator.put("bars", byRole.entrySet()
            .stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .map(entry -> bar(entry.getKey(), entry.getValue()))
            .toList());
        indicator.put("unit", "tâches");
        return indicator;
    }

    /**
     * The dialogues in progress and their month reached, as the dialogues' page counts
     * it: only their start, not the whole page with its next reviews (the tasks of every
     * dialogue).
     */
    private Map<String, Object> dialoguesPast36(ObservatoryScope scope, MapSqlParameterSource parameters, Instant now) {
        long[] counted = new long[2];
        jdbc.query("""
                select g.started_at from governance_dialogue g join territory t on t.id = g.territory_id
                where g.status = 'ACTIVE' and %s
                """.formatted(scope.condition("t.code")), parameters, row -> {
            counted[1]++;
            if (GovernanceBoard.monthReached(Moments.instant(row, "started_at"), null,
                    now) > GovernanceBoard.FOLLOW_UP_MONTHS) {
                counted[0]++;
            }
        });
        Map<String, Object> indicator = indicator("dialogues-past-36", "Dialogues de gouvernance au-delà du mois 36",
                "Dialogues de gouvernance en cours qui ont dépassé leur 36e mois de suivi (prolongés, ou en attente de leur revue "
                        + "finale), parmi tous les dialogues en cours.",
                "ratio");
        ratio(indicator, counted[0], counted[1]);
        return indicator;
    }

    /**
     * A late task's territory: its process's tenant, else the territory of its
     * territorial candidate group (cohorts).
     */
    static Optional<String> territoryOf(LateGroup group) {
        if (group.tenant() != null) {
            return Optional.of(group.tenant());
        }
        if (group.group() != null) {
            for (Role role : Role.values()) {
                if (role.territorial() && group.group().startsWith(role.groupId() + ".")) {
                    return Optional.of(group.group().substring(role.groupId().length() + 1));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Who a late task waits for: the role of its candidate group, else of its assignee.
     */
    static String roleOf(LateGroup group) {
        if (group.group() != null) {
            if (group.group().startsWith("organisation.")) {
                return PARTNER_ORGANISATIONS;
            }
            for (Role role : Role.values()) {
                if (group.group().equals(role.groupId()) || group.group().startsWith(role.groupId() + ".")) {
                    return role.label();
                }
            }
            return "Groupe « " + group.group() + " »";
        }
        if (group.assigneeRole() != null) {
            try {
                return Role.valueOf(group.assigneeRole()).label();
            }
            catch (IllegalArgumentException unknown) {
                return group.assigneeRole();
            }
        }
        return "Personne désignée hors annuaire";
    }

    private Map<String, String> territoryNames(java.util.Collection<String> codes) {
        List<String> known = codes.stream().filter(code -> !code.isEmpty()).toList();
        if (known.isEmpty()) {
            return Map.of();
        }
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.query("select code, name from territory where code in (:codes)", new MapSqlParameterSource("codes", known),
                row -> {
                    names.put(row.getString("code"), row.getString("name"));
                });
        return names;
    }

    private static Map<String, Object> indicator(String id, String title, String definition, String chart) {
        Map<String, Object> indicator = new LinkedHashMap<>();
        indicator.put("id", id);
        indicator.put("title", title);
        indicator.put("definition", definition);
        indicator.put("chart", chart);
        return indicator;
    }

    private static Map<String, Object> row(String label, List<Integer> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("label", label);
        row.put("values", values);
        return row;
    }

    private static Map<String, Object> bar(String label, long value) {
        Map<String, Object> bar = new LinkedHashMap<>();
        bar.put("label", label);
        bar.put("value", value);
        return bar;
    }

    private static void ratio(Map<String, Object> indicator, long numerator, long denominator) {
        indicator.put("numerator", numerator);
        indicator.put("denominator", denominator);
        indicator.put("value", denominator == 0 ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP));
    }

    private static int percent(long part, long whole) {
        return (int) Math.round(100.0 * part / whole);
    }

}
