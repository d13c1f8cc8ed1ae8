package fr.catalyse.documents;

import fr.catalyse.platform.InvalidInputException;
import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The engine's side of documents, on every user task that expects some
 * (catalyse.documents.tasks), as built-in task listeners (run whatever the path into the
 * engine, even with skipCustomListeners):
 * <ul>
 * <li>on completion, a task whose document is required and has none is refused with a
 * French reason: the completion rolls back, the task stays open and REST answers 400,
 * like the forms' own rules;</li>
 * <li>a task deleted without being completed (its instance cancelled, an interrupting
 * event) takes its files with it, in the same transaction, so that no upload outlives the
 * work it was for.</li>
 * </ul>
 */
@Component
class DocumentRules extends AbstractProcessEnginePlugin {

    private final DocumentProperties properties;

    private final Documents documents;

    private final DocumentStore store;

    DocumentRules(DocumentProperties properties, @Lazy Documents documents, @Lazy DocumentStore store) {
        this.properties = properties;
        this.documents = documents;
        this.store = store;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AttachRules());
    }

    private final TaskListener onDeletion = this::forgetFiles;

    private void checkCompletion(String processKey, DelegateTask task) {
        documents.missing(processKey, task.getTaskDefinitionKey(), task.getId()).ifPresent(reason -> {
            throw new InvalidInputException(reason);
        });
    }

    private void forgetFiles(DelegateTask task) {
        if (!TaskEntity.DELETE_REASON_COMPLETED.equals(task.getDeleteReason())) {
            store.deleteByTask(task.getId());
        }
    }

    private class AttachRules extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            String processKey = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
            if (properties.expected(processKey, activity.getId()).isPresent()) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE,
                        task -> checkCompletion(processKey, task));
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_DELETE, onDeletion);
            }
        }

    }

}
