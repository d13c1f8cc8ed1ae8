package fr.catalyse.access;

import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.platform.Seeder;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters of each role, in French, sorted by due date and showing the
 * territory: created or brought up to date at every start, and visible only to the groups
 * they are for.
 */
@Component
@Order(30)
class TasklistFilters implements Seeder {

    /**
     * Variables shown under each task in the list (copied onto each task by
     * {@link TasklistColumns}).
     */
    static final List<Map<String, String>> SHOWN = List.of(
            Map.of("name", ProcessVariables.TERRITORY_NAME, "label", "Territoire"),
            Map.of("name", ProcessVariables.PARTNERSHIP_NAME, "label", "Partenariat"),
            Map.of("name", ProcessVariables.SESSION_TITLE, "label", "Session"));

    private static final Role[] EVERYONE = Role.values();

    private final FilterService filters;

    private final TaskService tasks;

    private final AccessDirectory directory;

    TasklistFilters(FilterService filters, TaskService tasks, AccessDirectory directory) {
        this.filters = filters;
        this.tasks = tasks;
        this.directory = directory;
    }

    @Override
    public void seed() {
        // The filter Tasklist opens on (the lowest priority comes first): most work is
        // offered to a
        // group, not assigned, so a list of assigned tasks alone greets a newcomer with «
        // 0 ».
        ensure("À faire",
                "Ce que vous pouvez faire maintenant : vos tâches et celles proposées à vos groupes, "
                        + "les plus urgentes d'abord",
                -11, "#0b3d91",
                tasks.createTaskQuery()
                    .or()
                    .taskAssigneeExpression("${currentUser()}")
                    .taskCandidateGroupInExpression("${currentUserGroups()}")
                    .endOr(),
                EVERYONE);
        ensure("Mes tâches", "Les tâches qui vous sont attribuées", -10, "#1f5fa8",
                tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), EVERYONE);
        ensure("Tâches de mon territoire et de mes groupes", "Les tâches proposées à vos groupes, à prendre en charge",
                -9, "#2e8540", tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"),
                EVERYONE);
        ensure("En retard", "Les tâches dont l'échéance est passée", -8, "#c0392b",
                tasks.createTaskQuery().dueBeforeExpression("${now()}"), EVERYONE);
        ensure("À échéance cette semaine", "Les tâches à terminer dans les sept jours", -7, "#e67e22",
                tasks.createTaskQuery()
                    .dueAfterExpression("${now()}")
                    .dueBeforeExpression("${dateTime().plusWeeks(1)}"),
                EVERYONE);
        ensure("Toutes les tâches du programme", "Toutes les tâches ouvertes, tous territoires confondus", -6,
                "#555555", tasks.createTaskQuery(), Role.PROGRAMME_TEAM);
        ensure("Retards par territoire", "Les tâches en retard, regroupées par territoire", -5, "#8e44ad",
                tasks.createTaskQuery().dueBeforeExpression("${now()}").orderByTenantId().asc(), Role.PROGRAMME_TEAM);
    }

    private void ensure(String name, String description, int priority, String color, TaskQuery query, Role... roles) {
        Filter filter = filters.createFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filters.newTaskFilter(name);
        }
        filter.setQuery(query.orderByDueDate().asc());
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("description", description);
        properties.put("priority", priority);
        properties.put("color", color);
        properties.put("refresh", true);
        properties.put("showUndefinedVariable", false);
        properties.put("variables", SHOWN);
        filter.setProperties(properties);
        String id = filters.saveFilter(filter).getId();
        Arrays.stream(roles).forEach(role -> directory.grant(role.groupId(), Resources.FILTER, id, Permissions.READ));
    }

}
