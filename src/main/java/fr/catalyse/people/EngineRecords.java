package fr.catalyse.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What the engine's history keeps of the person's work: the tasks they completed, the
 * values they submitted with them, the processes they started and the operations the
 * engine logged in their name.
 */
@Component
class EngineRecords implements PersonalData {

    private final HistoryService history;

    private final EngineIdentifiers identifiers;

    EngineRecords(@Lazy HistoryService history, EngineIdentifiers identifiers) {
        this.history = history;
        this.identifiers = identifiers;
    }

    @Override
    public List<Section> export(Person person) {
        List<HistoricTaskInstance> completed = history.createHistoricTaskInstanceQuery()
            .taskAssignee(person.userId())
            .finished()
            .orderByHistoricActivityInstanceStartTime()
            .asc()
            .list();
        List<Map<String, Object>> tasks = new ArrayList<>();
        List<Map<String, Object>> values = new ArrayList<>();
        for (HistoricTaskInstance task : completed) {
            tasks.add(DirectoryRecords.row("tache", task.getName(), "etape", task.getTaskDefinitionKey(), "processus",
                    task.getProcessDefinitionKey(), "instance", task.getProcessInstanceId(), "territoire",
                    task.getTenantId(), "creee_le", task.getStartTime(), "terminee_le", task.getEndTime(),
                    "identifiant_tache", task.getId()));
            for (HistoricDetail detail : submitted(task)) {
                HistoricVariableUpdate update = (HistoricVariableUpdate) detail;
                values.add(DirectoryRecords.row("tache", task.getName(), "identifiant_tache", task.getId(), "variable",
                        update.getVariableName(), "valeur",
                        update.getValue() == null ? null : String.valueOf(update.getValue()), "type",
                        update.getTypeName(), "le", update.getTime()));
            }
        }
        List<Map<String, Object>> started = history.createHistoricProcessInstanceQuery()
            .startedBy(person.userId())
            .list()
            .stream()
            .map(instance -> DirectoryRecords.row("processus", instance.getProcessDefinitionKey(), "instance",
                    instance.getId(), "cle_metier", instance.getBusinessKey(), "territoire", instance.getTenantId(),
                    "debut", instance.getStartTime(), "fin", instance.getEndTime()))
            .toList();
        List<Map<String, Object>> operations = history.createUserOperationLogQuery()
            .userId(person.userId())
            .list()
            .stream()
            .map(entry -> DirectoryRecords.row("le", entry.getTimestamp(), "operation", entry.getOperationType(),
                    "entite", entry.getEntityType(), "propriete", entry.getProperty(), "nouvelle_valeur",
                    entry.getNewValue(), "tache", entry.getTaskId(), "instance", entry.getProcessInstanceId()))
            .toList();
        return List.of(new Section("taches-terminees", tasks), new Section("valeurs-saisies", values),
                new Section("processus-demarres", started), new Section("operations-moteur", operations));
    }

    /**
     * The values set by completing the task: local to it (our forms' pattern), or set
     * from its activity.
     */
    private List<HistoricDetail> submitted(HistoricTaskInstance task) {
        return history.createHistoricDetailQuery()
            .variableUpdates()
            .processInstanceId(task.getProcessInstanceId())
            .list()
            .stream()
            .filter(detail -> task.getId().equals(detail.getTaskId())
                    || (detail.getTaskId() == null && task.getActivityInstanceId() != null
                            && task.getActivityInstanceId().equals(detail.getActivityInstanceId())))
            .toList();
    }

    @Override
    public void erase(Person person, String pseudonym) {
        identifiers.replace(person, pseudonym);
    }

}
