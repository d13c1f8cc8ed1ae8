package fr.catalyse.versions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.notification.Mailbox;
import fr.catalyse.partnership.PartnershipRepository;
import fr.catalyse.platform.Deadlines;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Instances of every released version still within the retention period keep running on
 * today's code: each version's models and forms (src/test/resources/released/N) are
 * deployed as one deployment beside today's, which stay the latest versions as in
 * production; instances are started on the released definitions by id and driven through
 * every wait state to their end, with today's beans, listeners, delegates, form rules and
 * reminders. A wait state no driver reached fails the test.
 */
class ReleasedModelsCompatibilityIntegrationTest extends IntegrationTestSupport {

    static final String MANIFEST = "released/releases.csv";

    private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

    private static final Pattern TIME_TO_LIVE = Pattern.compile("camunda:historyTimeToLive=\"([^\"]+)\"");

    private static final Pattern RELEASED_FOLDER = Pattern.compile("/released/(\\d+)/bpmn/");

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    PartnershipRepository partnerships;

    /**
     * One line of the manifest: a version, the day it went into production, what it held.
     */
    record Release(int version, LocalDate releasedOn, String content) {
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @ParameterizedTest(name = "les instances de la version publiée {0} vont jusqu'au bout sur le code actuel")
    @MethodSource("versionsWithinRetention")
    void instancesOfAReleasedVersionRunToTheirEndOnTodaysCode(int version) {
        registerTestDirectory();
        ReleasedVersionDrivers drivers = driversOf(version);
        RepositoryService repository = engine.getRepositoryService();
        try (ModelDeployments deployments = new ModelDeployments(engine)) {
            Deployment released = deployments.released(version);
            deployments.currentAgain();
            List<ProcessDefinition> definitions = repository.createProcessDefinitionQuery()
                .deploymentId(released.getId())
                .list();
            assertThat(definitions).extracting(ProcessDefinition::getKey)
                .containsExactlyInAnyOrderElementsOf(drivers.processKeys());
            for (ProcessDefinition definition : definitions) {
                ProcessDefinition latest = repository.createProcessDefinitionQuery()
                    .processDefinitionKey(definition.getKey())
                    .latestVersion()
                    .singleResult();
                assertThat(latest.getDeploymentId()).as("today's model stays the latest version")
                    .isNotEqualTo(released.getId());
                for (String formId : startForms(definition)) {
                    // Compared by its fields: Catalyse fills the choices of a start form
                    // when it is served.
                    assertThat(fields(text(engine.getFormService().getDeployedStartForm(definition.getId()))))
                        .as("the start form comes from the released deployment")
                        .isEqualTo(fields(releasedForms(version).get(formId)));
                }
                ClockUtil.reset();
                drivers.drive(definition);
                assertThat(waitStatesNotReached(definition, drivers.notDriven()))
                    .as("wait states of " + definition.getKey() + " version " + version + " that no instance reached")
                    .isEmpty();
            }
        }
    }

    @Test
    void everyReleasedFolderIsListedWithItsDateAndHoldsTheFormsItsModelsReference() throws IOException {
        Set<Integer> folders = new TreeSet<>();
        for (Resource model : RESOURCES.getResources("classpath*:released/*/bpmn/*.bpmn")) {
            Matcher folder = RELEASED_FOLDER.matcher(model.getURL().toString());
            assertThat(folder.find()).as(model.getURL().toString()).isTrue();
            folders.add(Integer.parseInt(folder.group(1)));
        }
        assertThat(releases()).extracting(Release::version).containsExactlyElementsOf(folders);
        assertThat(releases()).extracting(Release::releasedOn).isSorted();
        for (int version : folders) {
            Set<String> referenced = matches(FORM_REF, "classpath*:released/" + version + "/bpmn/*.bpmn");
            assertThat(releasedForms(version).keySet()).as("forms of version " + version).containsAll(referenced);
        }
        assertThat(versionsWithinRetention()).as("the latest release is always tested")
            .contains(folders.stream().max(Integer::compare).orElseThrow());
    }

    private ReleasedVersionDrivers driversOf(int version) {
        return switch (version) {
            case 1 -> new ReleaseOne(engine, access, partnerships, new Mailbox(smtp));
            default -> throw new AssertionError("Aucun pilote pour la version publiée " + version
                    + " : ajoutez-en un (voir docs/models-and-versions.md, « Publier une version »).");
        };
    }

    /**
     * Every activity and every event that waits for something (timers, messages…), minus
     * the listed exceptions, that no instance of this definition passed.
     */
    private Set<String> waitStatesNotReached(ProcessDefinition definition, Map<String, String> notDriven) {
        Set<String> required = new TreeSet<>();
        for (FlowNode node : engine.getRepositoryService()
            .getBpmnModelInstance(definition.getId())
            .getModelElementsByType(FlowNode.class)) {
            boolean waitingEvent = node instanceof IntermediateCatchEvent || node instanceof BoundaryEvent
                    || (node instanceof StartEvent start && !start.getEventDefinitions().isEmpty());
            if (node instanceof Activity || waitingEvent) {
                required.add(node.getId());
            }
        }
        required.removeAll(engine.getHistoryService()
            .createHistoricActivityInstanceQuery()
            .processDefinitionId(definition.getId())
            .list()
            .stream()
            .map(HistoricActivityInstance::getActivityId)
            .collect(Collectors.toSet()));
        required.removeAll(notDriven.keySet());
        return required;
    }

    static Stream<Integer> versionsWithinRetention() {
        LocalDate today = LocalDate.now(Deadlines.ZONE);
        List<Release> releases = releases();
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            // Instances start on a version until the next one replaces it, and their
            // history lives on after them.
            LocalDate replaced = i + 1 < releases.size() ? releases.get(i + 1).releasedOn() : today;
            if (!replaced.plus(timeToLive(releases.get(i).version())).isBefore(today)) {
                kept.add(releases.get(i).version());
            }
        }
        return kept.stream();
    }

    static List<Release> releases() {
        try (InputStream manifest = RESOURCES.getResource("classpath:" + MANIFEST).getInputStream()) {
            return new String(manifest.readAllBytes(), StandardCharsets.UTF_8).lines()
                .skip(1)
                .filter(line -> !line.isBlank())
                .map(line -> line.split(";", 3))
                .map(fields -> new Release(Integer.parseInt(fields[0]), LocalDate.parse(fields[1]), fields[2]))
                .toList();
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /**
     * The longest history time to live among the version's models (days or an ISO period
     * such as P2190D).
     */
    static Period timeToLive(int version) {
        int days = 0;
        for (String ttl : matches(TIME_TO_LIVE, "classpath*:released/" + version + "/bpmn/*.bpmn")) {
            days = Math.max(days, ttl.startsWith("P") ? Period.parse(ttl).getDays() : Integer.parseInt(ttl));
        }
        return Period.ofDays(days);
    }

    private static Set<String> matches(Pattern pattern, String resources) {
        Set<String> found = new TreeSet<>();
        try {
            for (Resource resource : RESOURCES.getResources(resources)) {
                Matcher matcher = pattern.matcher(resource.getContentAsString(StandardCharsets.UTF_8));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return found;
    }

    /**
     * The form ids of the process's own start event (not those of event sub-processes).
     */
    private List<String> startForms(ProcessDefinition definition) {
        return engine.getRepositoryService()
            .getBpmnModelInstance(definition.getId())
            .getModelElementsByType(StartEvent.class)
            .stream()
            .filter(start -> start.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
            .map(StartEvent::getCamundaFormRef)
            .filter(java.util.Objects::nonNull)
            .toList();
    }

    /** The released version's forms by their id (the key the models' formRef names). */
    private static Map<String, String> releasedForms(int version) {
        Map<String, String> forms = new java.util.HashMap<>();
        try {
            for (Resource form : RESOURCES.getResources("classpath*:released/" + version + "/forms/*.form")) {
                String content = form.getContentAsString(StandardCharsets.UTF_8);
                forms.put(JSON.readTree(content).get("id").asText(), content);
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return forms;
    }

    /** A form's id, then each component's id and label. */
    private static List<String> fields(String form) {
        try {
            var json = JSON.readTree(form);
            List<String> fields = new ArrayList<>(List.of(json.get("id").asText()));
            json.get("components")
                .forEach(
                        component -> fields.add(component.get("id").asText() + " " + component.path("label").asText()));
            return fields;
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

}
