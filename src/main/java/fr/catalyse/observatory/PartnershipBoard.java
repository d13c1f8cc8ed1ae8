package fr.catalyse.observatory;

import fr.catalyse.observatory.EngineTasks.InstanceTasks;
import fr.catalyse.observatory.EngineTasks.NextTask;
import java.text.Collator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The partnerships page: how many partnerships each territory has at each stage, and the list with
 * days in the stage, next task, late tasks and the last evaluation's result. Two queries (the records,
 * then the open tasks of those instances), whatever the number of partnerships.
 */
@Component
class PartnershipBoard {

  static final List<String> DECISIONS = List.of("arreter", "ajuster", "poursuivre", "essaimer");

  private final NamedParameterJdbcTemplate jdbc;
  private final EngineTasks tasks;

  PartnershipBoard(NamedParameterJdbcTemplate jdbc, EngineTasks tasks) {
    this.jdbc = jdbc;
    this.tasks = tasks;
  }

  record Board(List<StageRef> stages, List<Count> counts, List<Item> items) {
  }

  record StageRef(String code, String label) {
  }

  /** {@code byLastDecision}: partnerships whose last evaluation decided so (arreter, ajuster, poursuivre, essaimer). */
  record Count(TerritoryRef territory, Map<String, Integer> byStage, Map<String, Integer> byLastDecision, int total) {
  }

  record Item(long id, String name, TerritoryRef territory, String kind, String kindLabel, String stage, String stageLabel,
      long daysInStage, NextTask nextTask, int lateTasks, EvaluationResult evaluation, String processInstanceId) {
  }

  record EvaluationResult(String decision, String label, String decidedAt) {
  }

  /** Filters of the list, each optional: a territory code, a stage code, a kind of partnership. */
  record Filters(String territory, String stage, String kind) {
  }

  Board board(ObservatoryScope scope, Filters filters) {
    if (filters.territory() != null) {
      scope.require(filters.territory(), "le territoire « " + filters.territory() + " »");
    }
    Stage stage = filters.stage() == null ? null : Stage.parse(filters.stage());
    MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource())
        .addValue("territory", filters.territory()).addValue("kind", filters.kind())
        .addValue("stage", stage == null ? null : stage.recordStage().name());
    Instant now = Moments.now();

    Map<String, InstanceTasks> open = tasks.byInstance(
        "select pp.process_instance_id from partnership pp join territory tt on tt.id = pp.territory_id where "
            + where(scope, filters, stage, "pp", "tt"), parameters, now);

    List<Item> items = new ArrayList<>(jdbc.query("""
        select p.id, p.name, p.kind, p.stage, p.stage_since, p.process_instance_id, t.code, t.name as territory_name,
          e.decision, e.decided_at
        from partnership p join territory t on t.id = p.territory_id
        left join evaluation e on e.partnership_id = p.id
          and e.round = (select max(e2.round) from evaluation e2 where e2.partnership_id = p.id)
        where %s
        """.formatted(where(scope, filters, stage, "p", "t")), parameters, (row, index) -> {
          Stage shown = Stage.of(row.getString("stage"));
          String instance = row.getString("process_instance_id");
          InstanceTasks instanceTasks = instance == null ? null : open.get(instance);
          String decision = row.getString("decision");
          String kind = row.getString("kind");
          return new Item(row.getLong("id"), row.getString("name"),
              new TerritoryRef(row.getString("code"), row.getString("territory_name")), kind, Labels.KINDS.label(kind),
              shown.name(), shown.label(), Moments.days(Moments.instant(row, "stage_since"), now),
              instanceTasks == null ? null : instanceTasks.next(), instanceTasks == null ? 0 : instanceTasks.late(),
              decision == null ? null : new EvaluationResult(decision, Labels.decision(decision),
                  Moments.iso(Moments.instant(row, "decided_at"))),
              instance);
        }));
    Collator french = Collator.getInstance(Locale.FRENCH);
    items.sort(Comparator.comparing(Item::territory, TerritoryRef.BY_NAME).thenComparing(Item::name, french::compare)
        .thenComparing(Item::id));
    return new Board(stages(), counts(items), items);
  }

  static List<StageRef> stages() {
    return Arrays.stream(Stage.values()).map(stage -> new StageRef(stage.name(), stage.label())).toList();
  }

  private static List<Count> counts(List<Item> items) {
    Map<TerritoryRef, List<Item>> byTerritory = new TreeMap<>(TerritoryRef.BY_NAME);
    items.forEach(item -> byTerritory.computeIfAbsent(item.territory(), territory -> new ArrayList<>()).add(item));
    List<Count> counts = new ArrayList<>();
    byTerritory.forEach((territory, theirs) -> {
      Map<String, Integer> byStage = new LinkedHashMap<>();
      Arrays.stream(Stage.values()).forEach(stage -> byStage.put(stage.name(), 0));
      Map<String, Integer> byDecision = new LinkedHashMap<>();
      DECISIONS.forEach(decision -> byDecision.put(decision, 0));
      for (Item item : theirs) {
        byStage.merge(item.stage(), 1, Integer::sum);
        if (item.evaluation() != null) {
          byDecision.merge(item.evaluation().decision(), 1, Integer::sum);
        }
      }
      counts.add(new Count(territory, byStage, byDecision, theirs.size()));
    });
    return counts;
  }

  private static String where(ObservatoryScope scope, Filters filters, Stage stage, String partnership, String territory) {
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

  static Table table(Board board) {
    List<List<Object>> rows = new ArrayList<>();
    for (Item item : board.items()) {
      rows.add(Arrays.asList(item.name(), item.territory().name(), item.territory().code(), item.kindLabel(), item.stageLabel(),
          item.daysInStage(), item.nextTask() == null ? null : item.nextTask().name(),
          item.nextTask() == null ? null : Moments.parisDate(instant(item.nextTask().dueAt())), item.lateTasks(),
          item.evaluation() == null ? null : item.evaluation().label(),
          item.evaluation() == null ? null : Moments.parisDate(instant(item.evaluation().decidedAt()))));
    }
    return new Table("partenariats", "Partenariats", List.of("Partenariat", "Territoire", "Code du territoire", "Type",
        "Étape", "Jours dans l'étape", "Prochaine tâche", "Échéance de la prochaine tâche", "Tâches en retard",
        "Résultat de la dernière évaluation", "Date de la décision"), rows);
  }

  private static Instant instant(String iso) {
    return iso == null ? null : Instant.parse(iso);
  }
}
