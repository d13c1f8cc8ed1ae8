package fr.catalyse.notification;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;

/**
 * The process a task belongs to, read from its BPMN model through the public API: the
 * process's id is the definition's key, its name the definition's name (the engine parses
 * both from there). The model instance comes from the engine's deployment cache.
 */
final class TaskProcess {

    private TaskProcess() {
    }

    static String key(DelegateTask task) {
        return of(task).getId();
    }

    static String name(DelegateTask task) {
        return of(task).getName();
    }

    private static Process of(DelegateTask task) {
        for (ModelElementInstance element = task.getBpmnModelElementInstance(); element != null; element = element
            .getParentElement()) {
            if (element instanceof Process process) {
                return process;
            }
        }
        throw new IllegalStateException("Aucun processus ne contient la tâche " + task.getTaskDefinitionKey());
    }

}
