package fr.catalyse.access;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A task repeated per session or per territory says which one in task lists, email
 * subjects and escalation lists (« Déposer le livrable S2 — Mettre en œuvre (Nantes) »),
 * while the diagram in Cockpit and Modeler keeps the generic label of the model. The
 * instance's name is the user task's extension property {@value #PROPERTY}, an expression
 * the engine evaluates when it creates the task. A name that cannot be evaluated falls
 * back to the generic label: a label never stops a cohort.
 */
@Component
class TaskInstanceNames extends AbstractProcessEnginePlugin {

    static final String PROPERTY = "intitule";

    private static final Logger LOG = LoggerFactory.getLogger(TaskInstanceNames.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String name = instanceName(element);
                if (name != null) {
                    TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior())
                        .getTaskDefinition();
                    Expression expression = configuration.getExpressionManager().createExpression(name);
                    definition
                        .setNameExpression(new OrGenericLabel(expression, element.attribute("name"), activity.getId()));
                }
            }
        });
    }

    private static String instanceName(Element task) {
        Element extensions = task.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property")
            .stream()
            .filter(property -> PROPERTY.equals(property.attribute("name")))
            .map(property -> property.attribute("value"))
            .findFirst()
            .orElse(null);
    }

    private record OrGenericLabel(Expression named, String generic, String activityId) implements Expression {

        @Override
        public Object getValue(VariableScope scope) {
            try {
                return named.getValue(scope);
            }
            catch (RuntimeException unresolved) {
                LOG.warn("Intitulé de {} non évalué, libellé générique gardé : {}", activityId,
                        unresolved.getMessage());
                return generic;
            }
        }

        @Override
        public void setValue(Object value, VariableScope scope) {
            named.setValue(value, scope);
        }

        @Override
        public String getExpressionText() {
            return named.getExpressionText();
        }

        @Override
        public boolean isLiteralText() {
            return false;
        }
    }

}
