package fr.catalyse.forms;

import fr.catalyse.platform.WithoutAuthorization;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Attaches the form check to every user task (on completion) and every process start
 * event (on start) that has a Camunda Form: the values are checked against the rules of
 * the deployed form itself, so the .form file stays the single place where a rule is
 * written. The check is a built-in listener, so it runs before the model's own listeners
 * record anything. A violation rolls the completion or the start back and answers HTTP
 * 400 with the French message.
 */
@Component
class FormRules extends AbstractProcessEnginePlugin {

    private final FormService forms;

    private final StartFormChoices choices;

    private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

    private final FeelEngine feel = new ScalaFeelEngineFactory().createInstance();

    private final FormRuleCheck check = new FormRuleCheck(this::isTrue);

    FormRules(@Lazy FormService forms, StartFormChoices choices) {
        this.forms = forms;
        this.choices = choices;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AttachChecks());
    }

    private final TaskListener onCompletion = this::checkTask;

    private final ExecutionListener onStart = this::checkStart;

    private void checkTask(DelegateTask task) {
        FormSchema form = schemas.computeIfAbsent(task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(),
                key -> read(() -> forms.getDeployedTaskForm(task.getId())));
        check.enforce(form, valuesRead(form, task));
    }

    private void checkStart(DelegateExecution execution) {
        FormSchema form = schemas.computeIfAbsent(execution.getProcessDefinitionId() + "#start",
                key -> read(() -> forms.getDeployedStartForm(execution.getProcessDefinitionId())));
        Map<String, Object> values = valuesRead(form, execution);
        // Options computed by the engine are its own, whatever the caller sent under
        // their name.
        values.putAll(choices.accepted(form));
        check.enforce(form, values);
    }

    private static FormSchema read(Supplier<InputStream> form) {
        return FormSchema.read(WithoutAuthorization.call(form::get));
    }

    /**
     * Only the variables the form's rules read: loading every JSON variable of the
     * instance costs a query each.
     */
    private static Map<String, Object> valuesRead(FormSchema form, VariableScope scope) {
        Map<String, Object> values = new HashMap<>();
        for (String name : form.variableNames()) {
            if (scope.hasVariable(name)) {
                values.put(name, FormValues.plain(scope.getVariable(name)));
            }
        }
        return values;
    }

    private boolean isTrue(String condition, Map<String, Object> values) {
        try {
            return Boolean.TRUE
                .equals(feel.evaluateSimpleExpression(condition, Variables.fromMap(values).asVariableContext()));
        }
        catch (RuntimeException unevaluable) {
            return false;
        }
    }

    /**
     * Adds the checks while the engine parses a model, wherever a Camunda Form is
     * referenced.
     */
    private class AttachChecks extends AbstractBpmnParseListener {

        @Override
        public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (hasForm(element)) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                    .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, onCompletion);
            }
        }

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (scope instanceof ProcessDefinitionEntity && hasForm(element)) {
                activity.addBuiltInListener(ExecutionListener.EVENTNAME_START, onStart);
            }
        }

        private boolean hasForm(Element element) {
            return element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null;
        }

    }

}
