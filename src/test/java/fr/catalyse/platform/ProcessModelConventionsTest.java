package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.CatchEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The conventions every model keeps, so that Cockpit, Modeler and Tasklist show readable
 * processes: French names, documented user tasks with due dates and their own Camunda
 * Form, diagram layout, meaningful ids, history time to live, and every delay it names
 * configured.
 */
class ProcessModelConventionsTest {

    private static final Pattern GENERATED_ID = Pattern.compile("^(Activity|Event|Gateway|Flow|Task)_[0-9a-z]{7}$");

    private static final Pattern DEADLINE = Pattern.compile("deadlines\\.(?:of|dueIn)\\('([a-z0-9.-]+)'\\)");

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("bpmn")).filter(path -> path.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void theProcessIsNamedAfterItsFileAndKeepsItsHistory(Path file) {
        Process process = single(Bpmn.readModelFromFile(file.toFile()));
        assertThat(file.getFileName().toString()).isEqualTo(process.getId() + ".bpmn");
        assertThat(process.getName()).isNotBlank();
        assertThat(process.isExecutable()).isTrue();
        assertThat(process.getCamundaHistoryTimeToLiveString()).isEqualTo("P2190D");
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementHasAFrenchNameAndAMeaningfulId(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
            assertThat(GENERATED_ID.matcher(element.getId()).matches()).as("generated id " + element.getId()).isFalse();
            if (!(element instanceof SequenceFlow)) {
                assertThat(element.getName()).as("name of " + element.getId()).isNotBlank();
                assertThat(element.getName()).as("French name of " + element.getId())
                    .doesNotContainPattern("\\b(the|and|of|to)\\b");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyUserTaskTellsWhatToDoWhenAndWithWhichForm(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> forms = formIds();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            assertThat(task.getDocumentations()).as("documentation of " + task.getId()).isNotEmpty();
            assertThat(task.getDocumentations().iterator().next().getTextContent()).isNotBlank();
            assertThat(task.getCamundaDueDate()).as("due date of " + task.getId()).isNotBlank();
            assertThat(task.getCamundaCandidateGroups() != null || task.getCamundaAssignee() != null)
                .as("actor of " + task.getId())
                .isTrue();
            assertThat(task.getCamundaFormRef()).as("form of " + task.getId()).isIn(forms);
            assertThat(task.getCamundaFormRefBinding()).isEqualTo("deployment");
        }
        for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
            if (start.getCamundaFormRef() != null) {
                assertThat(start.getCamundaFormRef()).isIn(forms);
            }
        }
    }

    /**
     * The deliberate pre-fills: a form field whose task opens with a value already there.
     * Each is the same partnership's own earlier answer, handed back when its catalyst
     * reworks it (the diagnostic sent back by the local authority, the framing and
     * indicators after a funding « à retravailler » or an evaluation « ajuster »), or the
     * start form's fragilities for the first diagnostic. The README's table «
     * Pré-remplissages » says the same.
     */
    private static final Map<String, Set<String>> INTENDED_PREFILLS = Map.of("Task_SharedDiagnostic",
            Set.of("fragilities", "territoryAssets", "keyActors"), "Task_MapStakeholders",
            Set.of("candidateOrganisations", "stakeholderNotes"), "Task_FrameExperiment", Set.of("solutions",
                    "valueChain", "economicModel", "governance", "budget", "durationMonths", "experimentStart"),
            "Task_DefineIndicators", Set.of("indicators"));

    /**
     * A form's submitted values land where a variable of that name exists, else on the
     * process instance: without a local declaration, the next instance of a repeated task
     * (another territory of the cohort, the next quarter, a path taken again) opens with
     * the previous answers, a required field is satisfied by them, and every participant
     * of the cohort can read them. So every field of every user task's form is an input
     * parameter of the task: empty, or one of the intended pre-fills.
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyFormFieldOfAUserTaskIsLocalToItsTask(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Map<String, List<String>> fields = formFields();
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            Map<String, String> inputs = new HashMap<>();
            if (task.getExtensionElements() != null) {
                task.getExtensionElements()
                    .getElementsQuery()
                    .filterByType(CamundaInputOutput.class)
                    .list()
                    .forEach(io -> io.getCamundaInputParameters()
                        .forEach(input -> inputs.put(input.getCamundaName(),
                                input.getTextContent() == null ? "" : input.getTextContent().trim())));
            }
            for (String field : fields.get(task.getCamundaFormRef())) {
                assertThat(inputs)
                    .as("field « " + field + " » of " + task.getId() + " declared as a local input parameter")
                    .containsKey(field);
                boolean prefilled = !inputs.get(field).isEmpty();
                assertThat(prefilled)
                    .as("pre-fill of « " + field + " » in " + task.getId() + " (see INTENDED_PREFILLS)")
                    .isEqualTo(INTENDED_PREFILLS.getOrDefault(task.getId(), Set.of()).contains(field));
            }
        }
    }

    /**
     * The variables each form submits, by form id: input fields, and dynamic lists by
     * their path.
     */
    static Map<String, List<String>> formFields() throws IOException {
        ObjectMapper json = new ObjectMapper();
        Map<String, List<String>> fields = new HashMap<>();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path path : files.filter(form -> form.toString().endsWith(".form")).toList()) {
                JsonNode form = json.readTree(path.toFile());
                List<String> keys = new java.util.ArrayList<>();
                collectFields(form.path("components"), keys);
                fields.put(form.get("id").asText(), keys);
            }
        }
        return fields;
    }

    private static final Set<String> NOT_INPUTS = Set.of("text", "html", "image", "spacer", "separator", "button",
            "iframe", "table", "expression", "documentPreview");

    private static void collectFields(JsonNode components, List<String> keys) {
        for (JsonNode component : components) {
            String type = component.path("type").asText();
            if (type.equals("group")) {
                collectFields(component.path("components"), keys);
            }
            else if (type.equals("dynamiclist")) {
                keys.add(component.path("path").asText());
            }
            else if (!NOT_INPUTS.contains(type) && component.hasNonNull("key")) {
                keys.add(component.path("key").asText());
            }
        }
    }

    /**
     * A task repeated per session, territory, quarter, year or month says which one in
     * lists and emails: its « intitule » names every loop it sits in (a territory by its
     * name, not its code), except the loop whose party the task is offered to.
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyTaskRepeatedInALoopSaysWhichRoundInItsName(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        for (UserTask task : model.getModelElementsByType(UserTask.class)) {
            String name = instanceName(task);
            for (ModelElementInstance parent = task.getParentElement(); parent != null; parent = parent
                .getParentElement()) {
                if (parent instanceof SubProcess scope
                        && scope.getLoopCharacteristics() instanceof MultiInstanceLoopCharacteristics loop) {
                    String variable = loop.getCamundaElementVariable();
                    String shown = "territory".equals(variable) ? "territoryName" : variable;
                    assertThat(name).as("intitulé of " + task.getId() + " inside " + scope.getId()).isNotNull();
                    // A task offered to the loop's own party (an organisation answering
                    // for itself) is seen by that
                    // party only: it needs not name it, but the partnership or round it
                    // belongs to.
                    String offeredTo = String.valueOf(task.getCamundaCandidateGroups());
                    if (!offeredTo.matches(".*\\$\\{[^}]*\\b" + variable + "\\b.*")) {
                        assertThat(name).as("intitulé of " + task.getId() + " inside " + scope.getId())
                            .containsPattern("\\$\\{[^}]*\\b" + shown + "\\b");
                    }
                }
            }
        }
    }

    private static String instanceName(UserTask task) {
        if (task.getExtensionElements() == null) {
            return null;
        }
        return task.getExtensionElements()
            .getElementsQuery()
            .filterByType(CamundaProperties.class)
            .list()
            .stream()
            .flatMap(properties -> properties.getCamundaProperties().stream())
            .filter(property -> "intitule".equals(property.getCamundaName()))
            .map(CamundaProperty::getCamundaValue)
            .findFirst()
            .orElse(null);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyElementIsDrawn(Path file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        Set<String> shapes = model.getModelElementsByType(BpmnShape.class)
            .stream()
            .map(shape -> shape.getBpmnElement().getId())
            .collect(Collectors.toSet());
        Set<String> edges = model.getModelElementsByType(BpmnEdge.class)
            .stream()
            .map(edge -> ((BaseElement) edge.getBpmnElement()).getId())
            .collect(Collectors.toSet());
        model.getModelElementsByType(FlowNode.class)
            .forEach(node -> assertThat(shapes).as("shape").contains(node.getId()));
        model.getModelElementsByType(SubProcess.class).forEach(node -> assertThat(shapes).contains(node.getId()));
        model.getModelElementsByType(SequenceFlow.class)
            .forEach(flow -> assertThat(edges).as("edge").contains(flow.getId()));
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyDelayTheModelNamesIsConfigured(Path file) throws IOException {
        Matcher deadline = DEADLINE.matcher(Files.readString(file));
        Map<String, Object> configured = configuredDeadlines();
        while (deadline.find()) {
            assertThat(configured).as("catalyse.deadlines." + deadline.group(1)).containsKey(deadline.group(1));
        }
    }

    /**
     * Expressions reach only the beans listed in {@link ExpressionBeans#EXPOSED}: a model
     * naming another one (a typo, or a new bean not added there) would fail when it runs,
     * so it fails here.
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyBeanTheModelNamesIsExposedToExpressions(Path file) throws Exception {
        beansNamedBy(file).forEach(
                (bean, where) -> assertThat(ExpressionBeans.EXPOSED)
                    .as("bean « " + bean + " » named in " + file.getFileName() + " by " + where
                            + " (see ExpressionBeans.EXPOSED)")
                    .contains(bean));
    }

    /**
     * The list is exactly what the models need: a bean no model names any more leaves it.
     */
    @Test
    void everyExposedBeanIsNamedByAModel() throws Exception {
        Set<String> named = new TreeSet<>();
        for (Path file : models().toList()) {
            named.addAll(beansNamedBy(file).keySet());
        }
        assertThat(ExpressionBeans.EXPOSED).containsExactlyElementsOf(named);
    }

    /**
     * The released models still kept ({@code src/test/resources/released/<n>/bpmn}):
     * their instances run their own deployed model with today's code.
     */
    static Stream<Path> releasedModels() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/released"))) {
            return files.filter(path -> path.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    /**
     * Current and released models: every expression of either must reach a bean and one
     * of its methods.
     */
    static Stream<Path> currentAndReleasedModels() throws IOException {
        return Stream.concat(models(), releasedModels());
    }

    /**
     * BPMN → Java in one hop: each bean a model names is the class of that name
     * ({@code partnershipDesign} is {@code PartnershipDesign}), found the way Spring's
     * component scan finds it. A bean renamed in a {@code @Component("…")} would make a
     * reader search for a class that does not exist.
     */
    @Test
    void everyExposedBeanIsTheClassOfTheSameName() {
        Map<String, Class<?>> beans = componentsByBeanName();
        for (String bean : ExpressionBeans.EXPOSED) {
            assertThat(beans).as("a component named « " + bean + " »").containsKey(bean);
            String simpleName = beans.get(bean).getSimpleName();
            assertThat(Character.toLowerCase(simpleName.charAt(0)) + simpleName.substring(1))
                .as("class of bean « " + bean + " »")
                .isEqualTo(bean);
        }
    }

    /**
     * Every bean call in a model resolves, at test time, to a component and a public
     * method of that name taking that many arguments
     * ({@code ${partnershipDesign.fundingDecided(task)}}); every delegate expression to a
     * component that is the delegate or listener the element expects. A typo in a model,
     * or a method renamed in Java, fails the build rather than a cohort in month 7.
     * Released models are read too, through {@link ExpressionBeans#RELEASED_NAMES}.
     */
    @ParameterizedTest
    @MethodSource("currentAndReleasedModels")
    void everyBeanCallOfTheModelResolvesToAPublicMethodOfItsClass(Path file) throws Exception {
        Map<String, Class<?>> beans = componentsByBeanName();
        boolean released = file.startsWith(Path.of("src/test/resources/released"));
        List<BeanCall> calls = beanCallsOf(file);
        assertThat(calls).as("bean calls read from " + file).isNotEmpty();
        for (BeanCall call : calls) {
            String bean = released ? ExpressionBeans.RELEASED_NAMES.getOrDefault(call.bean(), call.bean())
                    : call.bean();
            assertThat(ExpressionBeans.EXPOSED).as(call + " in " + file + ": bean exposed to expressions")
                .contains(bean);
            Class<?> type = beans.get(bean);
            assertThat(type).as(call + " in " + file + ": a component named « " + bean + " »").isNotNull();
            if (call.method() == null) {
                assertThat(call.listener()).as(call + " in " + file + ": what the element expects").isNotNull();
                assertThat(call.listener().isAssignableFrom(type))
                    .as(call + " in " + file + ": " + type.getSimpleName() + " is a " + call.listener().getSimpleName())
                    .isTrue();
            }
            else {
                assertThat(java.util.Arrays.stream(type.getMethods())
                    .filter(method -> !method.getDeclaringClass().equals(Object.class))
                    .anyMatch(method -> call.matches(method.getName(), method.getParameterCount(), method.isVarArgs())))
                    .as(call + " in " + file + ": a public method " + type.getSimpleName() + "." + call.method()
                            + " with " + call.arity() + " argument(s)")
                    .isTrue();
            }
        }
    }

    /**
     * An old name answers only for the released models that still call it, never for a
     * current one.
     */
    @Test
    void everyReleasedNameIsCalledByAReleasedModelOnlyAndAnswersWithAnExposedBean() throws Exception {
        Set<String> current = new TreeSet<>();
        for (Path file : models().toList()) {
            current.addAll(beansNamedBy(file).keySet());
        }
        Set<String> released = new TreeSet<>();
        for (Path file : releasedModels().toList()) {
            released.addAll(beansNamedBy(file).keySet());
        }
        ExpressionBeans.RELEASED_NAMES.forEach((old, bean) -> {
            assertThat(released).as("released name « " + old + " » called by a released model").contains(old);
            assertThat(current).as("released name « " + old + " » in a current model").doesNotContain(old);
            assertThat(ExpressionBeans.EXPOSED).as("bean answering « " + old + " »").contains(bean);
        });
    }

    /**
     * One call of a bean named by a model: {@code bean.method(arguments)}, or a delegate
     * {@code ${bean}}.
     */
    record BeanCall(String bean, String method, int arity, boolean property, Class<?> listener, String where) {

        boolean matches(String name, int parameters, boolean varArgs) {
            if (property) {
                String capitalised = Character.toUpperCase(method.charAt(0)) + method.substring(1);
                return parameters == 0 && (name.equals("get" + capitalised) || name.equals("is" + capitalised));
            }
            return name.equals(method) && (parameters == arity || (varArgs && arity >= parameters - 1));
        }

        @Override
        public String toString() {
            return (method == null ? "${" + bean + "}"
                    : bean + "." + method + (property ? "" : "(" + arity + " argument(s))")) + " (" + where + ")";
        }
    }

    /** A method or property access: {@code bean.method(} or {@code bean.property}. */
    private static final Pattern CALL = Pattern
        .compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*\\.\\s*([A-Za-z_]\\w*)\\s*(\\()?");

    /**
     * The bean calls of a model, read where {@link #beansNamedBy} reads the beans it
     * names.
     */
    static List<BeanCall> beanCallsOf(Path file) throws Exception {
        List<BeanCall> calls = new java.util.ArrayList<>();
        for (Element element : elements(file)) {
            String where = element.getLocalName()
                    + (element.getAttribute("id").isEmpty() ? "" : " " + element.getAttribute("id"));
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                if ("delegateExpression".equals(attribute.getLocalName())) {
                    Matcher delegate = EXPRESSION.matcher(attribute.getNodeValue());
                    if (delegate.matches() && IDENTIFIER.matcher(delegate.group(1)).matches()) {
                        calls.add(new BeanCall(delegate.group(1).trim(), null, 0, false, delegateType(element), where));
                        continue;
                    }
                }
                collectCalls(attribute.getNodeValue(), where, calls);
            }
            NodeList children = element.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i).getNodeType() == Node.TEXT_NODE
                        || children.item(i).getNodeType() == Node.CDATA_SECTION_NODE) {
                    collectCalls(children.item(i).getNodeValue(), where, calls);
                }
            }
        }
        return calls;
    }

    /** What a delegate expression must name, by the element that carries it. */
    private static Class<?> delegateType(Element element) {
        return switch (element.getLocalName()) {
            case "executionListener" -> org.camunda.bpm.engine.delegate.ExecutionListener.class;
            case "taskListener" -> org.camunda.bpm.engine.delegate.TaskListener.class;
            default -> org.camunda.bpm.engine.delegate.JavaDelegate.class;
        };
    }

    private static void collectCalls(String text, String where, List<BeanCall> calls) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            String body = QUOTED.matcher(expression.group(1)).replaceAll("''");
            Matcher call = CALL.matcher(body);
            while (call.find()) {
                if (ENGINE_NAMES.contains(call.group(1))) {
                    continue;
                }
                boolean invoked = call.group(3) != null;
                calls.add(new BeanCall(call.group(1), call.group(2), invoked ? arity(body, call.end()) : 0, !invoked,
                        null, where));
            }
        }
    }

    /**
     * How many arguments a call passes: top-level commas between its parentheses (strings
     * are already blanked).
     */
    private static int arity(String body, int afterOpening) {
        int depth = 0;
        int commas = 0;
        boolean any = false;
        for (int i = afterOpening; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == ')' && depth == 0) {
                return any ? commas + 1 : 0;
            }
            if (c == '(' || c == '[') {
                depth++;
            }
            else if (c == ')' || c == ']') {
                depth--;
            }
            else if (c == ',' && depth == 0) {
                commas++;
            }
            any |= !Character.isWhitespace(c);
        }
        throw new AssertionError("unclosed call in ${" + body + "}");
    }

    /**
     * The application's components by bean name, as Spring's component scan names them.
     */
    static Map<String, Class<?>> componentsByBeanName() {
        var scanner = new org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider(true);
        var registry = new org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry();
        Map<String, Class<?>> beans = new TreeMap<>();
        for (var definition : scanner.findCandidateComponents("fr.catalyse")) {
            String name = org.springframework.context.annotation.AnnotationBeanNameGenerator.INSTANCE
                .generateBeanName(definition, registry);
            try {
                beans.put(name, Class.forName(definition.getBeanClassName()));
            }
            catch (ClassNotFoundException missing) {
                throw new IllegalStateException(missing);
            }
        }
        return beans;
    }

    /**
     * Scripts and Java class references run outside the list of exposed beans: the models
     * use expressions and delegate beans only, so the list is the whole of what a model
     * can call.
     */
    @ParameterizedTest
    @MethodSource("models")
    void noModelRunsAScriptOrNamesAJavaClass(Path file) throws Exception {
        for (Element element : elements(file)) {
            assertThat(element.getLocalName()).as("script in " + file.getFileName()).isNotIn("scriptTask", "script");
            assertThat(element.hasAttributeNS(CAMUNDA, "class")).as("Java class named by " + element.getAttribute("id"))
                .isFalse();
            assertThat(element.getAttribute("class")).as("Java class named by " + element.getAttribute("id")).isEmpty();
        }
    }

    /**
     * A service task that sends email runs in a job of its own (asyncBefore): with the
     * mail server down, the job fails and is retried with back-off (then an incident),
     * instead of failing the completion of the person before it, whose answer would be
     * lost with their transaction. A bean sends email when its class uses one of these;
     * emails already sent are recorded in their own transaction (NotificationLog), so the
     * retry does not send them twice.
     */
    private static final Set<String> SENDERS = Set.of("Notices", "Mailer", "ProgrammeAlerts", "Convocations");

    @ParameterizedTest
    @MethodSource("models")
    void everyServiceTaskThatSendsEmailRunsInItsOwnRetriedJob(Path file) throws Exception {
        Map<String, String> sources = beanSources();
        for (Element element : elements(file)) {
            if (!"serviceTask".equals(element.getLocalName())) {
                continue;
            }
            String expression = element.getAttributeNS(CAMUNDA, "delegateExpression")
                    + element.getAttributeNS(CAMUNDA, "expression");
            Matcher bean = Pattern.compile("\\{\\s*([A-Za-z_]\\w*)").matcher(expression);
            assertThat(bean.find()).as("bean of " + element.getAttribute("id")).isTrue();
            String source = sources.get(bean.group(1));
            assertThat(source).as("class of bean « " + bean.group(1) + " »").isNotNull();
            boolean sends = SENDERS.stream()
                .anyMatch(sender -> Pattern.compile("\\b" + sender + "\\b").matcher(source).find());
            if (sends) {
                assertThat("true".equals(element.getAttributeNS(CAMUNDA, "asyncBefore"))
                        || reachedOnlyByATimer(file, element.getAttribute("id")))
                    .as(element.getAttribute("id")
                            + " sends email: asyncBefore, or right after a timer (whose job it runs in)")
                    .isTrue();
            }
        }
    }

    private static boolean reachedOnlyByATimer(Path file, String id) {
        FlowNode task = Bpmn.readModelFromFile(file.toFile()).getModelElementById(id);
        return !task.getIncoming().isEmpty() && task.getIncoming()
            .stream()
            .map(SequenceFlow::getSource)
            .allMatch(source -> source instanceof CatchEvent event
                    && event.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance));
    }

    /**
     * Bean name → source of its class: {@code @Component("name")}, or the class name with
     * a lower-case first letter.
     */
    private static Map<String, String> beanSources() throws IOException {
        Map<String, String> sources = new HashMap<>();
        Pattern named = Pattern.compile("@(?:Component|Service)\\(\"([^\"]+)\"\\)");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path path : files.filter(candidate -> candidate.toString().endsWith(".java")).toList()) {
                String source = Files.readString(path);
                String simple = path.getFileName().toString().replace(".java", "");
                Matcher name = named.matcher(source);
                sources.put(name.find() ? name.group(1) : Character.toLowerCase(simple.charAt(0)) + simple.substring(1),
                        source);
            }
        }
        return sources;
    }

    private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

    private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");

    private static final Pattern QUOTED = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");

    /**
     * An identifier that starts a property or method access: {@code deadlines} in
     * {@code deadlines.of(...)}.
     */
    private static final Pattern ACCESSED = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*)\\s*[.\\[]");

    private static final Pattern IDENTIFIER = Pattern.compile("\\s*([A-Za-z_]\\w*)\\s*");

    /** What the engine itself puts in an expression's context: not beans. */
    private static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "caseExecution", "externalTask",
            "authenticatedUserId");

    /**
     * The beans a model names, with the elements naming them: a delegate expression's
     * identifier, and in every expression anywhere in the file (attributes, listeners,
     * input parameters, the « intitule » property) each identifier on which a method or
     * property is called, other than the engine's own. Plain identifiers
     * ({@code ${territory}}) are process variables.
     */
    static Map<String, Set<String>> beansNamedBy(Path file) throws Exception {
        Map<String, Set<String>> beans = new TreeMap<>();
        for (Element element : elements(file)) {
            String where = element.getLocalName()
                    + (element.getAttribute("id").isEmpty() ? "" : " " + element.getAttribute("id"));
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Node attribute = attributes.item(i);
                if ("delegateExpression".equals(attribute.getLocalName())) {
                    Matcher delegate = EXPRESSION.matcher(attribute.getNodeValue());
                    assertThat(delegate.matches()).as("delegate expression of " + where).isTrue();
                    Matcher name = IDENTIFIER.matcher(delegate.group(1));
                    assertThat(name.matches()).as("delegate expression of " + where + " names one bean").isTrue();
                    beans.computeIfAbsent(name.group(1), bean -> new TreeSet<>()).add(where);
                }
                collectAccessed(attribute.getNodeValue(), where, beans);
            }
            NodeList children = element.getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if (children.item(i).getNodeType() == Node.TEXT_NODE
                        || children.item(i).getNodeType() == Node.CDATA_SECTION_NODE) {
                    collectAccessed(children.item(i).getNodeValue(), where, beans);
                }
            }
        }
        return beans;
    }

    private static void collectAccessed(String text, String where, Map<String, Set<String>> beans) {
        Matcher expression = EXPRESSION.matcher(text);
        while (expression.find()) {
            Matcher accessed = ACCESSED.matcher(QUOTED.matcher(expression.group(1)).replaceAll("''"));
            while (accessed.find()) {
                if (!ENGINE_NAMES.contains(accessed.group(1))) {
                    beans.computeIfAbsent(accessed.group(1), bean -> new TreeSet<>()).add(where);
                }
            }
        }
    }

    private static List<Element> elements(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        NodeList all = factory.newDocumentBuilder().parse(file.toFile()).getElementsByTagNameNS("*", "*");
        List<Element> elements = new java.util.ArrayList<>();
        for (int i = 0; i < all.getLength(); i++) {
            elements.add((Element) all.item(i));
        }
        return elements;
    }

    private static Process single(BpmnModelInstance model) {
        List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
        assertThat(processes).hasSize(1);
        return processes.get(0);
    }

    static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(path -> path.toString().endsWith(".form")).map(path -> {
                try {
                    JsonNode form = json.readTree(path.toFile());
                    return form.get("id").asText();
                }
                catch (IOException unreadable) {
                    throw new IllegalStateException(unreadable);
                }
            }).collect(Collectors.toSet());
        }
    }

    /**
     * catalyse.deadlines flattened as Spring binds it: "partnership.shared-diagnostic" →
     * "P30D".
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> configuredDeadlines() throws IOException {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yaml")));
        Map<String, Object> deadlines = (Map<String, Object>) ((Map<String, Object>) yaml.get("catalyse"))
            .get("deadlines");
        Map<String, Object> flat = new HashMap<>();
        flatten("", deadlines, flat);
        return flat;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> tree, Map<String, Object> flat) {
        tree.forEach((key, value) -> {
            if (value instanceof Map<?, ?> child) {
                flatten(prefix + key + ".", (Map<String, Object>) child, flat);
            }
            else {
                flat.put(prefix + key, value);
            }
        });
    }

}
