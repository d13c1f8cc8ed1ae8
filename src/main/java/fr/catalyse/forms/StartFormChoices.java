package fr.catalyse.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.catalyse.platform.WithoutAuthorization;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.form.FormField;
import org.camunda.bpm.engine.form.FormProperty;
import org.camunda.bpm.engine.form.StartFormData;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.GetDeployedStartFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormFieldImpl;
import org.camunda.bpm.engine.impl.form.handler.StartFormHandler;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Start forms whose options depend on who opens them (a {@link ChoiceSource}, e.g. the
 * territories a person may act for). Before a process starts there is no instance to hold
 * an options variable, so the engine computes it for the authenticated person, in two
 * places:
 * <ul>
 * <li>the start form's variables ({@code GET /process-definition/{id}/form-variables}):
 * the options variable, and the field's value when a single choice has exactly one
 * option;</li>
 * <li>the deployed start form itself, with those options written into it: Tasklist 7.24
 * renders a Camunda Form start form without loading any variable (it only does so for
 * task forms).</li>
 * </ul>
 * The rules check a start against every value the engine accepts ({@link #accepted}); who
 * may act where is checked by the engine for every start a person asks for
 * (access.TerritoryTenants).
 */
@Component
class StartFormChoices extends AbstractProcessEnginePlugin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectProvider<ChoiceSource> sources;

    private final FormService forms;

    private final IdentityService identity;

    StartFormChoices(ObjectProvider<ChoiceSource> sources, @Lazy FormService forms, @Lazy IdentityService identity) {
        this.sources = sources;
        this.forms = forms;
        this.identity = identity;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreBPMNParseListeners() == null) {
            configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
        }
        configuration.getCustomPreBPMNParseListeners().add(new OfferChoices());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
            configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
        }
        configuration.getCustomPreCommandInterceptorsTxRequired().add(new WriteChoicesIntoStartForms());
    }

    /**
     * For the rules: each options variable of the form with every value the engine
     * accepts.
     */
    Map<String, Object> accepted(FormSchema form) {
        Map<String, Object> values = new HashMap<>();
        for (FormField field : offered(form, null)) {
            if (isOptions(field.getId())) {
                values.put(field.getId(), FormValues.plain(field.getValue().getValue()));
            }
        }
        return values;
    }

    /**
     * Form fields of the start form variables: the options offered to the person, and a
     * lone choice made.
     */
    private List<FormField> offered(FormSchema form, List<String> groupIds) {
        List<FormField> offered = new ArrayList<>();
        for (fr.catalyse.forms.FormField field : form.fields()) {
            Optional<ChoiceSource> source = source(field.optionsKey());
            if (source.isEmpty()) {
                continue;
            }
            Map<String, String> options = source.get().offeredTo(groupIds);
            offered.add(formField(field.optionsKey(), FormValues.options(options)));
            if (options.size() == 1 && !field.isMultiple()) {
                offered.add(formField(field.key(), Variables.stringValue(options.keySet().iterator().next())));
            }
        }
        return offered;
    }

    /**
     * The deployed form as the person should see it: each sourced choice with its options
     * written in.
     */
    private InputStream withChoices(InputStream deployed, List<String> groupIds) {
        try (deployed) {
            byte[] bytes = deployed.readAllBytes();
            JsonNode form = JSON.readTree(bytes);
            return new ByteArrayInputStream(
                    writeChoices(form.path("components"), groupIds) ? JSON.writeValueAsBytes(form) : bytes);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private boolean writeChoices(JsonNode components, List<String> groupIds) {
        boolean changed = false;
        for (JsonNode component : components) {
            changed |= writeChoices(component.path("components"), groupIds);
            Optional<ChoiceSource> source = source(component.path("valuesKey").asText(null));
            if (source.isEmpty()) {
                continue;
            }
            ObjectNode choice = (ObjectNode) component;
            ArrayNode values = choice.putArray("values");
            Map<String, String> options = source.get().offeredTo(groupIds);
            options.forEach((value, label) -> values.addObject().put("label", label).put("value", value));
            choice.remove("valuesKey");
            if (options.size() == 1 && List.of("select", "radio").contains(choice.path("type").asText())) {
                choice.put("defaultValue", options.keySet().iterator().next());
            }
            changed = true;
        }
        return changed;
    }

    private boolean isOptions(String variable) {
        return source(variable).isPresent();
    }

    private Optional<ChoiceSource> source(String optionsKey) {
        return optionsKey == null ? Optional.empty()
                : sources.orderedStream().filter(source -> source.optionsKey().equals(optionsKey)).findFirst();
    }

    private List<String> currentGroups() {
        Authentication person = identity.getCurrentAuthentication();
        return person == null || person.getGroupIds() == null ? List.of() : List.copyOf(person.getGroupIds());
    }

    private static FormField formField(String id, org.camunda.bpm.engine.variable.value.TypedValue value) {
        FormFieldImpl field = new FormFieldImpl();
        field.setId(id);
        field.setValue(value);
        return field;
    }

    /**
     * Writes the choices into a start form that a person asks for. A form read from
     * inside another command (the rules reading their form) is left as deployed.
     */
    private class WriteChoicesIntoStartForms extends CommandInterceptor {

        @Override
        @SuppressWarnings("unchecked")
        public <T> T execute(Command<T> command) {
            boolean outermost = Context.getCommandContext() == null;
            T result = next.execute(command);
            if (outermost && command instanceof GetDeployedStartFormCmd && result instanceof InputStream deployed) {
                return (T) withChoices(deployed, currentGroups());
            }
            return result;
        }

    }

    /**
     * Gives every process start event with a Camunda Form the start form variables above.
     */
    private class OfferChoices extends AbstractBpmnParseListener {

        @Override
        public void parseStartEvent(Element element, ScopeImpl scope, ActivityImpl activity) {
            if (scope instanceof ProcessDefinitionEntity definition && definition.getStartFormHandler() != null
                    && element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef") != null
                    && definition.getInitial() == activity) {
                definition.setStartFormHandler(new OfferingStartFormHandler(definition.getStartFormHandler()));
            }
        }

    }

    private class OfferingStartFormHandler implements StartFormHandler {

        private final StartFormHandler deployed;

        OfferingStartFormHandler(StartFormHandler deployed) {
            this.deployed = deployed;
        }

        @Override
        public StartFormData createStartFormData(ProcessDefinitionEntity definition) {
            return new OfferedStartForm(deployed.createStartFormData(definition));
        }

        @Override
        public void parseConfiguration(Element element, DeploymentEntity deployment, ProcessDefinitionEntity definition,
                BpmnParse parse) {
            deployed.parseConfiguration(element, deployment, definition, parse);
        }

        @Override
        public void submitFormVariables(VariableMap properties, VariableScope scope) {
            deployed.submitFormVariables(properties, scope);
        }

    }

    /**
     * The deployed start form data plus the offered fields, computed only when asked for:
     * reading the form itself goes through the start form data again.
     */
    private class OfferedStartForm implements StartFormData {

        private final StartFormData deployed;

        OfferedStartForm(StartFormData deployed) {
            this.deployed = deployed;
        }

        @Override
        public List<FormField> getFormFields() {
            String definitionId = deployed.getProcessDefinition().getId();
            FormSchema form = FormSchema
                .read(WithoutAuthorization.call(() -> forms.getDeployedStartForm(definitionId)));
            List<FormField> fields = new ArrayList<>(deployed.getFormFields());
            fields.addAll(offered(form, currentGroups()));
            return fields;
        }

        @Override
        public ProcessDefinition getProcessDefinition() {
            return deployed.getProcessDefinition();
        }

        @Override
        public String getFormKey() {
            return deployed.getFormKey();
        }

        @Override
        public CamundaFormRef getCamundaFormRef() {
            return deployed.getCamundaFormRef();
        }

        @Override
        public String getDeploymentId() {
            return deployed.getDeploymentId();
        }

        @Override
        public List<FormProperty> getFormProperties() {
            return deployed.getFormProperties();
        }

    }

}
