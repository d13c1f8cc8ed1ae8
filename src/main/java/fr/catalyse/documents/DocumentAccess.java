package fr.catalyse.documents;

import fr.catalyse.access.Role;
import fr.catalyse.forms.FormValues;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may read and change documents, decided here only, with the engine as the judge of
 * who sees a task:
 * <ul>
 * <li>the programme team, the steering committee and the operator read every
 * document;</li>
 * <li>whoever the engine shows an open task to (its authorizations and the territory's
 * tenant) reads its documents; whoever may work on it (assignee, candidate, the programme
 * team) attaches files to it, and replaces or removes their own until it is
 * completed;</li>
 * <li>once the task is completed, the members of its territory (its tenant) keep reading
 * its documents: a territory's documents stay invisible to every other territory;</li>
 * <li>a document of a whole cohort (no territory, e.g. the published socle commun, the
 * minutes of a collective session) is read by the members of every territory selected in
 * that cohort.</li>
 * </ul>
 */
@Component
class DocumentAccess {

    /** The cohort's variable listing its selected territories (pilot-pathway). */
    static final String COHORT_TERRITORIES = "selectedTerritories";

    private final IdentityService identity;

    private final TaskService tasks;

    private final HistoryService history;

    DocumentAccess(IdentityService identity, TaskService tasks, HistoryService history) {
        this.identity = identity;
        this.tasks = tasks;
        this.history = history;
    }

    static boolean programmeWide(Authentication caller) {
        List<String> groups = groups(caller);
        return groups.contains(Role.PROGRAMME_TEAM.groupId()) || groups.contains(Role.STEERING_COMMITTEE.groupId())
                || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    private static boolean programmeTeam(Authentication caller) {
        List<String> groups = groups(caller);
        return groups.contains(Role.PROGRAMME_TEAM.groupId()) || groups.contains(Groups.CAMUNDA_ADMIN);
    }

    /**
     * The open task as the caller's engine shows it to them (authorizations and tenants
     * applied), if it does.
     */
    Optional<Task> visibleOpenTask(Authentication caller, String taskId) {
        return Optional.ofNullable(as(caller, () -> tasks.createTaskQuery().taskId(taskId).singleResult()));
    }

    /**
     * Whether the caller may attach files to this open task (which they see) and change
     * their own there.
     */
    boolean mayWork(Authentication caller, Task task) {
        if (programmeTeam(caller) || caller.getUserId().equals(task.getAssignee())) {
            return true;
        }
        List<IdentityLink> links = asSystem(() -> tasks.getIdentityLinksForTask(task.getId()));
        List<String> groups = groups(caller);
        return links.stream()
            .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
            .anyMatch(link -> caller.getUserId().equals(link.getUserId())
                    || link.getGroupId() != null && groups.contains(link.getGroupId()));
    }

    boolean mayRead(Authentication caller, StoredDocument document) {
        if (programmeWide(caller)) {
            return true;
        }
        if (document.taskId() != null && visibleOpenTask(caller, document.taskId()).isPresent()) {
            return true;
        }
        Collection<String> tenants = caller.getTenantIds() == null ? List.of() : caller.getTenantIds();
        if (document.territory() != null) {
            return tenants.contains(document.territory());
        }
        return territoriesOf(document.processInstanceId()).stream().anyMatch(tenants::contains);
    }

    /**
     * The territories an instance concerns: its tenant, and for a cohort every selected
     * territory.
     */
    Set<String> territoriesOf(String processInstanceId) {
        return asSystem(() -> {
            Set<String> territories = new LinkedHashSet<>();
            HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .singleResult();
            if (instance != null && instance.getTenantId() != null) {
                territories.add(instance.getTenantId());
            }
            // The selection as NotifySelection recorded it on the cohort itself (the
            // review task keeps its own copy).
            history.createHistoricVariableInstanceQuery()
                .processInstanceId(processInstanceId)
                .variableName(COHORT_TERRITORIES)
                .list()
                .stream()
                .filter(variable -> processInstanceId.equals(variable.getActivityInstanceId()))
                .map(HistoricVariableInstance::getValue)
                .filter(value -> value != null)
                .findFirst()
                .ifPresent(value -> territories.addAll(FormValues.strings(FormValues.plain(value))));
            return territories;
        });
    }

    /**
     * Runs an engine read as the caller, whatever authentication the thread had (e.g. a
     * webapp session's caller).
     */
    <T> T as(Authentication caller, Supplier<T> work) {
        Authentication before = identity.getCurrentAuthentication();
        identity.setAuthentication(caller);
        try {
            return work.get();
        }
        finally {
            restore(before);
        }
    }

    /**
     * Runs an engine read without authorization checks, for facts the rules above need.
     */
    <T> T asSystem(Supplier<T> work) {
        Authentication before = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        }
        finally {
            restore(before);
        }
    }

    private void restore(Authentication before) {
        if (before == null) {
            identity.clearAuthentication();
        }
        else {
            identity.setAuthentication(before);
        }
    }

    private static List<String> groups(Authentication caller) {
        return caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    }

}
