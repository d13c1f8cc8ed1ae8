package fr.catalyse.access;

import java.util.ArrayList;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows a filter's variables under each task only when the reader may read them;
 * a participant may read their tasks, not the process instances behind them. So the
 * variables the filters show (territory, partnership, session) are copied onto each task
 * when it is created.
 */
@Component
class TasklistColumns extends AbstractProcessEnginePlugin {

    private final TaskListener copy = TasklistColumns::copyShownVariables;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, copy);
            }
        });
    }

    private static void copyShownVariables(DelegateTask task) {
        for (Map<String, String> column : TasklistFilters.SHOWN) {
            Object value = task.getVariable(column.get("name"));
            if (value != null) {
                task.setVariableLocal(column.get("name"), value);
            }
        }
    }

}
