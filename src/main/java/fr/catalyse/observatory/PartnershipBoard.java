package fr.catalyse.observatory;

import fr.catalyse.platform.Refusal;
import fr.catalyse.observatory.EngineTasks.InstanceTasks;
import fr.catalyse.observatory.EngineTasks.NextTask;
import java.text.CollationKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The partnerships page: how many partnerships each territory has at each stage, and the
 * list with days in the stage, next task, late tasks and the last evaluation's result,
 * one page of it at a time ({@value #PAGE_SIZE} rows unless asked otherwise, at most
 * {@value #MAX_PAGE_SIZE}), sorted on any of its columns; the exports give every row.
 *
 * <p>
 * Why a page: the whole list of 10,000 partnerships was 4.4 MB of JSON, and its next
 * tasks read every open task (benchmark of 2026-12-03). Now the records of the filtered
 * partnerships are read in one query (a few columns), counted and sorted in memory on
 * collation keys ({@link FrenchOrder}), and only the page's instances have their tasks
 * read. Sorting by next task or late tasks needs a figure of every listed instance: one
 * aggregate over a task index then (V11), without the task rows.
 */
@Component
class PartnershipBoard {

    static final List<String> DECISIONS = List.of("arreter", "ajuster", "poursuivre", "essaimer");
    static final int PAGE_SIZE = 200;
    static final int MAX_PAGE_SIZE = 500;

    private final NamedParameterJdbcTemplate jdbc;

    private final EngineTasks tasks;

    PartnershipBoard(NamedParameterJdbcTemplate jdbc, EngineTasks tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    /**
     * {@code total}: partnerships that pass the filters; {@code items}: page {@code page}
     * (from 1) of them, of {@code pages}, in the order {@code sort} ({@code descending}
     * or not); {@code kinds}: every kind, for the filter.
     */
    record Board(List<StageRef> stages, List<KindRef> kinds, List<Count> counts, int total, int page, int pages,
            int pageSize, String sort, boolean descending, List<Item> items) {
    }

    record StageRef(String code, String label) {
    }

    record KindRef(String code, String label) {
    }

    /**
     * {@code byLastDecision}: partnerships whose last evaluation decided so (arreter,
     * ajuster, poursuivre, essaimer).
     */
    record Count(TerritoryRef territory, Map<String, Integer> byStage, Map<String, Integer> byLastDecision, int total) {
    }

    record Item(long id, String name, TerritoryRef territory, String kind, String kindLabel, String stage,
            String stageLabel, long daysInStage, NextTask nextTask, int lateTasks, EvaluationResult evaluation,
            String processInstanceId) {
    }

    record EvaluationResult(String decision, String label, String decidedAt) {
    }

    /**
     * Filters of the list, each optional: a territory code, a stage code, a kind of
     * partnership.
     */
    record Filters(String territory, String stage, String kind) {
    }

    /**
     * Which part of the list, in which order: {@code page} from 1, {@code size} rows
     * (null: the default).
     */
    record Listing(String sort, boolean descending, int page, Integer size) {
    }

    /**
     * The columns the list sorts on, by the names of the items' fields (?tri=lateTasks).
     */
    enum Sort {

        name, territory, kind, stage, daysInStage, nextTask, lateTasks, evaluation;

        static Sort parse(String code) {
            if (code == null) {
                return territory;
            }
            return Arrays.stream(values())
                .filter(sort -> sort.name().equals(code))
                .findFirst()
                .orElseThrow(() -> Refusal.invalid("Tri inconnu : « " + code + " ». Tris possibles : "
                        + String.join(", ", Arrays.stream(values()).map(Sort::name).toList()) + "."));
        }

        boolean byTasks() {
            return this == nextTask || this == lateTasks;
        }

    }

    /**
     * A partnership as read for the list, before its tasks: what it is counted and sorted
     * on.
     */
    private record Line(long id, String name, TerritoryRef territory, String kind, Stage stage, long daysInStage,
            String instance, String decision, Instant decidedAt, CollationKey nameKey, CollationKey territoryKey) {
    }

    /** One page of the list, as the page shows it. */
    Board board(ObservatoryScope scope, Filters filters, Listing listing) {
        Sort sort = Sort.parse(listing.sort());
        int size = listing.size() == null ? PAGE_SIZE : listing.size();
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw Refusal
                .invalid("Taille de page impossible : " + size + " (de 1 à " + MAX_PAGE_SIZE + " partenariats).");
        }
        if (listing.page() < 1) {
            throw Refusal
                .invalid("Numéro de page impossible : " + listing.page() + " (la première page est la page 1).");
        }
        Instant now = Moments.now();
        Selection selection = select(scope, filters);
        List<Line> lines = lines(selection, now);
        lines = sorted(lines, sort, listing.descending(), now);
        int pages = Math.max(1, (lines.size() + size - 1) / size);
        List<Line> shown = lines.subList(Math.min(lines.size(), (listing.page() - 1) * size),
                Math.min(lines.size(), listing.page() * size));
        Map<String, InstanceTasks> open = tasks
            .byInstance(shown.stream().map(Line::instance).filter(Objects::nonNull).toList(), now);
        return new Board(stages(), kinds(), counts(lines), lines.size(), listing.page(), pages, size, sort.name(),
                listing.descending(), shown.stream().map(line -> item(line, open)).toList());
    }

    /**
     * Every partnership that passes the filters, in the listing's order: what the exports
     * give.
     */
    List<Item> everyItem(ObservatoryScope scope, Filters filters, Listing listing) {
        Sort sort = Sort.parse(listing.sort());
        Instant now = Moments.now();
        Selection selection = select(scope, filters);
        List<Line> lines = lines(selection, now);
        lines = sorted(lines, sort, listing.descending(), now);
        Map<String, InstanceTasks> open = tasks.byInstance(selection.instances(), selection.parameters(), now);
        return lines.stream().map(line -> item(line, open)).toList();
    }

    private record Selection(String where, String instances, MapSqlParameterSource parameters) {
    }

    private static Selection select(ObservatoryScope scope, Filters filters) {
        if (filters.territory() != null) {
            scope.require(filters.territory(), "le territoire « " + filters.territory() + " »");
        }
        Stage stage = filters.stage() == null ? null : Stage.parse(filters.stage());
        MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource())
            .addValue("territory", filters.territory())
            .addValue("kind", filters.kind())
            .addValue("stage", stage == null ? null : stage.recordStage().name());
        return new Selection(where(scope, filters, stage, "p", "t"),
                "select pp.process_instance_id from partnership pp join territory tt on tt.id = pp.territory_id where "
                        + where(scope, filters, stage, "pp", "tt"),
                parameters);
    }

    private List<Line> lines(Selection selection, Instant now) {
        // The last evaluation by an anti-join (no later round), which the unique
        // (partnership_id, round) index
        // answers, rather than a max() sub-query per partnership.
        return new ArrayList<>(jdbc
            .query("""
                    select p.id, p.name, p.kind, p.stage, p.stage_since, p.process_instance_id, t.code, t.name as territory_name,
                      e.decision, e.decided_at
                    from partnership p join territory t on t.id = p.territory_id
                    left join evaluation e on e.partnership_id = p.id
                      and not exists (select 1 from evaluation later where later.partnership_id = p.id and later.round > e.round)
                    where %s
                    """
                .formatted(selection.where()), selection.parameters(), (row, index) -> {
                    String name = row.getString("name");
                    TerritoryRef territory = new TerritoryRef(row.getString("code"), row.getString("territory_name"));
                    return new Line(row.getLong("id"), name, territory, row.getString("kind"),
                            Stage.of(row.getString("stage")), Moments.days(Moments.instant(row, "stage_since"), now),
                            row.getString("process_instance_id"), row.getString("decision"),
                            Moments.instant(row, "decided_at"), FrenchOrder.key(name),
                            FrenchOrder.key(territory.name()));
                }));
    }

    /**
     * Sorted on the chosen column (reversed when descending), then territory, name and
     * id, so that pages never overlap. By tasks, each line's key is looked up once before
     * sorting, not at every comparison.
     */
    private List<Line> sorted(List<Line> lines, Sort sort, boolean descending, Instant now) {
        if (!sort.byTasks()) {
            Comparator<Line> column = switch (sort) {
                case name -> Comparator.comparing(Line::nameKey);
                case territory ->
                    Comparator.comparing(Line::territoryKey).thenComparing(line -> line.territory().code());
                case kind -> Comparator.comparing(line -> FrenchOrder.key(Labels.KINDS.label(line.kind())));
                case stage -> Comparator.comparing(Line::stage);
                case daysInStage -> Comparator.comparingLong(Line::daysInStage);
                case evaluation -> Comparator.comparing(
                        line -> FrenchOrder.key(line.decision() == null ? null : Labels.decision(line.decision())));
                case nextTask, lateTasks -> throw new IllegalStateException(sort.name());
            };
            lines.sort((descending ? column.reversed() : column).thenComparing(TIE_BREAK));
            return lines;
        }
        List<Keyed> keyed = new ArrayList<>(lines.size());
        if (sort == Sort.lateTasks) {
            Map<String, Integer> late = tasks.lateByInstance(now);
            for (Line line : lines) {
                Integer count = line.instance() == null ? null : late.get(line.instance());
                keyed.add(new Keyed(line, count == null ? 0 : count));
            }
        }
        else {
            Map<String, Instant> firstDue = tasks.firstDueByInstance();
            for (Line line : lines) {
                Instant due = line.instance() == null ? null : firstDue.get(line.instance());
                // No dated task sorts after every dated one, as « no next task » comes
                // last when reading by due date.
                keyed.add(new Keyed(line, due == null ? Long.MAX_VALUE : due.toEpochMilli()));
            }
        }
        Comparator<Keyed> column = Comparator.comparingLong(Keyed::key);
        keyed.sort((descending ? column.reversed() : column).thenComparing(Keyed::line, TIE_BREAK));
        return keyed.stream().map(Keyed::line).collect(Collectors.toCollection(ArrayList::new));
    }

    private record Keyed(Line line, long key) {
    }

    private static final Comparator<Line> TIE_BREAK = Comparator.comparing(Line::territoryKey)
        .thenComparing(line -> line.territory().code())
        .thenComparing(Line::nameKey)
        .thenComparingLong(Line::id);

    private static Item item(Line line, Map<String, InstanceTasks> open) {
        InstanceTasks instanceTasks = line.instance() == null ? null : open.get(line.instance());
        return new Item(line.id(), line.name(), line.territory(), line.kind(), Labels.KINDS.label(line.kind()),
                line.stage().name(), line.stage().label(), line.daysInStage(),
                instanceTasks == null ? null : instanceTasks.next(), instanceTasks == null ? 0 : instanceTasks.late(),
                line.decision() == null ? null : new EvaluationResult(line.decision(), Labels.decision(line.decision()),
                        Moments.iso(line.decidedAt())),
                line.instance());
    }

    static List<KindRef> kinds() {
        return Labels.KINDS.all().entrySet().stream().map(kind -> new KindRef(kind.getKey(), kind.getValue())).toList();
    }

    static List<StageRef> stages() {
        return Arrays.stream(Stage.values()).map(stage -> new StageRef(stage.name(), stage.label())).toList();
    }

    /**
     * Counted by territory code, the territories then sorted once (500 names, not one
     * comparison per partnership).
     */
    private static List<Count> counts(List<Line> lines) {
        Map<String, List<Line>> byTerritory = new HashMap<>();
        lines.forEach(
                line -> byTerritory.computeIfAbsent(line.territory().code(), territory -> new ArrayList<>()).add(line));
        List<Count> counts = new ArrayList<>();
        byTerritory.values().forEach(theirs -> {
            Map<String, Integer> byStage = new LinkedHashMap<>();
            Arrays.stream(Stage.values()).forEach(stage -> byStage.put(stage.name(), 0));
            Map<String, Integer> byDecision = new LinkedHashMap<>();
            DECISIONS.forEach(decision -> byDecision.put(decision, 0));
            for (Line line : theirs) {
                byStage.merge(line.stage().name(), 1, Integer::sum);
                if (line.decision() != null) {
                    byDecision.merge(line.decision(), 1, Integer::sum);
                }
            }
            counts.add(new Count(theirs.get(0).territory(), byStage, byDecision, theirs.size()));
        });
        counts.sort(Comparator.comparing((Count count) -> FrenchOrder.key(count.territory().name()))
            .thenComparing(count -> count.territory().code()));
        return counts;
    }

    private static String where(ObservatoryScope scope, Filters filters, Stage stage, String partnership,
            String territory) {
        StringBuilder where = new StringBuilder(scope.condition(territory + ".code"));
        if (filters.territory() != null) {
            where.append(" and ").append(territory).append(".code = :territory");
        }
        if (stage != null) {
            where.append(" and ").append(partnership).append(".stage = :stage");
        }
        if (filters.kind() != null) {
            where.append(" and ").append(partnership).append(".kind = :kind");
        }
        return where.toString();
    }

    static Table table(List<Item> items) {
        List<List<Object>> rows = new ArrayList<>();
        for (Item item : items) {
            rows.add(Arrays.asList(item.name(), item.territory().name(), item.territory().code(), item.kindLabel(),
                    item.stageLabel(), item.daysInStage(), item.nextTask() == null ? null : item.nextTask().name(),
                    item.nextTask() == null ? null : Moments.parisDate(instant(item.nextTask().dueAt())),
                    item.lateTasks(), item.evaluation() == null ? null : item.evaluation().label(),
                    item.evaluation() == null ? null : Moments.parisDate(instant(item.evaluation().decidedAt()))));
        }
        return new Table("partenariats", "Partenariats",
                List.of("Partenariat", "Territoire", "Code du territoire", "Type", "Étape", "Jours dans l'étape",
                        "Prochaine tâche", "Échéance de la prochaine tâche", "Tâches en retard",
                        "Résultat de la dernière évaluation", "Date de la décision"),
                rows);
    }

    private static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

}
