package fr.catalyse.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.documents.DocumentLibrary;
import fr.catalyse.forms.FormValues;
import fr.catalyse.platform.ProcessVariables;
import fr.catalyse.platform.Seeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Partnerships at different stages in the demo territories, played through the real model
 * from demo/partnerships.json: each is started by its catalyst, then its tasks are
 * completed with the listed form values (and its timers fired) until it reaches the stage
 * a newcomer should see.
 */
@Component
@Order(110)
@ConditionalOnProperty("catalyse.demo.enabled")
class DemoPartnerships implements Seeder {

    static final String FILE = "demo/partnerships.json";
    static final String PROCESS = "partnership-lifecycle";

    private final DemoPlayer player;

    private final DocumentLibrary documents;

    private final TaskService tasks;

    private final IdentityService identity;

    DemoPartnerships(DemoPlayer player, DocumentLibrary documents, TaskService tasks, IdentityService identity) {
        this.player = player;
        this.documents = documents;
        this.tasks = tasks;
        this.identity = identity;
    }

    @Override
    public void seed() {
        for (JsonNode partnership : read()) {
            JsonNode start = partnership.get("start");
            String businessKey = start.get(ProcessVariables.TERRITORY).asText() + " / "
                    + start.get(ProcessVariables.PARTNERSHIP_NAME).asText();
            if (!player.played(businessKey)) {
                play(partnership);
            }
        }
    }

    private void play(JsonNode partnership) {
        String instance = player.start(partnership.get("catalyst").asText(), PROCESS,
                variables(partnership.get("start")));
        for (JsonNode step : partnership.get("steps")) {
            if (step.has("timer")) {
                player.runJobs(instance, step.get("timer").asText());
                continue;
            }
            boolean each = step.path("each").asBoolean();
            int[] answered = { 0 };
            int completed = player.complete(instance, step.get("task").asText(), task -> {
                if (!each && answered[0]++ > 0) {
                    return null;
                }
                if (step.has("file")) {
                    attach(task, step.get("file").asText());
                }
                return variables(step.get("values"));
            });
            if (completed == 0) {
                throw new IllegalStateException(FILE + " : aucune tâche " + step.get("task").asText() + " ouverte");
            }
        }
    }

    /**
     * A file attached as a member of the task's candidate group would attach it (e.g. the
     * signed convention).
     */
    private void attach(Task task, String fileName) {
        String member = tasks.getIdentityLinksForTask(task.getId())
            .stream()
            .filter(link -> link.getGroupId() != null)
            .map(link -> identity.createUserQuery().memberOfGroup(link.getGroupId()).orderByUserId().asc().list())
            .filter(users -> !users.isEmpty())
            .map(users -> users.get(0).getId())
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(
                    FILE + " : personne ne peut joindre « " + fileName + " » à " + task.getName()));
        documents.attachAs(member, task.getId(), fileName, DemoFiles.pdf("Convention de partenariat signée",
                "Les partenaires s'engagent sur les objectifs, les moyens et la gouvernance de l'expérimentation.",
                "Signé pour l'organisation : la direction."));
    }

    /** Form values as Tasklist submits them: lists and objects as JSON variables. */
    private static Map<String, Object> variables(JsonNode values) {
        Map<String, Object> variables = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            Object converted;
            if (value.isContainerNode()) {
                converted = FormValues.json(JSON.convertValue(value, Object.class));
            }
            else if (value.isIntegralNumber()) {
                converted = value.asLong();
            }
            else if (value.isBoolean()) {
                converted = value.asBoolean();
            }
            else {
                converted = value.asText();
            }
            variables.put(field.getKey(), converted);
        }
        return variables;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode read() {
        try {
            return JSON.readTree(new ClassPathResource(FILE).getInputStream());
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

}
