package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import fr.catalyse.IntegrationTestSupport;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.FilterService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each role finds its own French filters in Tasklist, sorted by due date, with the
 * territory shown.
 */
class TasklistFiltersIntegrationTest extends IntegrationTestSupport {

    static final List<String> EVERYONE = List.of("À faire", "Mes tâches", "Tâches de mon territoire et de mes groupes",
            "En retard", "À échéance cette semaine");

    @Autowired
    TasklistFilters seeder;

    @Autowired
    FilterService filters;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @BeforeEach
    void participants() {
        registerTestDirectory();
    }

    @Test
    void participantsSeeTheirFiveFiltersAndTheProgrammeTeamTwoMore() {
        assertThat(names("cat.alpha")).containsExactlyInAnyOrderElementsOf(EVERYONE);
        assertThat(names("elu.beta")).containsExactlyInAnyOrderElementsOf(EVERYONE);
        assertThat(names("prog.test")).containsAll(EVERYONE)
            .contains("Toutes les tâches du programme", "Retards par territoire")
            .hasSize(7);
    }

    @Test
    void everyFilterSortsByDueDateAndShowsTheTerritory() {
        for (JsonNode filter : list("prog.test")) {
            var full = rest().as("prog.test").get("/engine-rest/filter/" + filter.get("id").asText()).json();
            assertThat(full.at("/query/sorting").toString()).as(filter.get("name").asText()).contains("dueDate");
            assertThat(full.at("/properties/variables").toString()).contains("territoryName", "Territoire");
        }
    }

    @Test
    void myTasksListsWhatIsAssignedToTheCaller() {
        var started = rest().as("cat.alpha")
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start",
                    java.util.Map.of("variables",
                            java.util.Map.of("partnershipName", text("Filtre mes tâches"), "territory", text("alpha"),
                                    "partnershipKind", text("mecenat"), "objectives", json("[\"attractivite\"]"),
                                    "fragilities", json("[\"emploi\"]"))));
        assertThat(started.status()).isEqualTo(200);
        String mine = id("cat.alpha", "Mes tâches");

        var listed = rest().as("cat.alpha").get("/engine-rest/filter/" + mine + "/list?maxResults=1000");
        assertThat(StreamSupport.stream(listed.json().spliterator(), false)
            .map(task -> task.get("processInstanceId").asText())).contains(started.json().get("id").asText());
        assertThat(rest().as("cat.beta").get("/engine-rest/filter/" + mine + "/list?maxResults=1000").json().toString())
            .doesNotContain(started.json().get("id").asText());
    }

    @Test
    void tasklistOpensOnWhatTheCallerCanDoNowAssignedOrOfferedToTheirGroups() {
        var started = rest().as("cat.alpha")
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start",
                    java.util.Map.of("variables",
                            java.util.Map.of("partnershipName", text("Filtre à faire"), "territory", text("alpha"),
                                    "partnershipKind", text("mecenat"), "objectives", json("[\"attractivite\"]"),
                                    "fragilities", json("[\"emploi\"]"))));
        assertThat(started.status()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        var dialogue = access.actingAs("prog.test",
                () -> engine.getRuntimeService()
                    .startProcessInstanceByKey("governance-dialogue",
                            java.util.Map.of("territory", "alpha", "dialogueSubject", "Gouvernance d'Alpha")));

        // Tasklist selects the filter with the lowest priority when it opens.
        assertThat(StreamSupport.stream(list("cat2.alpha").spliterator(), false)
            .min(java.util.Comparator.comparingInt(filter -> filter.at("/properties/priority").asInt()))
            .orElseThrow()
            .get("name")
            .asText()).isEqualTo("À faire");
        String toDo = id("cat2.alpha", "À faire");
        // The diagnostic is assigned to its catalyst: in their « À faire », not in their
        // colleague's (it is
        // someone else's work); the initial interview is offered to the programme team,
        // assigned to nobody:
        // in the team's « À faire », not in « Mes tâches ».
        assertThat(instances("cat.alpha", toDo)).contains(instance);
        assertThat(instances("cat2.alpha", toDo)).doesNotContain(instance);
        assertThat(instances("prog.test", toDo)).contains(dialogue.getId());
        assertThat(instances("prog.test", id("prog.test", "Mes tâches"))).doesNotContain(dialogue.getId());
        assertThat(rest().as("prog.test").get("/engine-rest/filter/" + toDo + "/count").json().get("count").asLong())
            .isGreaterThanOrEqualTo(1);
        assertThat(instances("elu.beta", toDo)).doesNotContain(instance).doesNotContain(dialogue.getId());
    }

    @Test
    void seedingAgainChangesNothing() {
        long before = filters.createFilterQuery().count();
        seeder.seed();
        assertThat(filters.createFilterQuery().count()).isEqualTo(before);
    }

    private List<String> instances(String user, String filter) {
        var listed = rest().as(user).get("/engine-rest/filter/" + filter + "/list?maxResults=1000");
        assertThat(listed.status()).isEqualTo(200);
        return StreamSupport.stream(listed.json().spliterator(), false)
            .map(task -> task.get("processInstanceId").asText())
            .toList();
    }

    private List<String> names(String user) {
        return StreamSupport.stream(list(user).spliterator(), false)
            .map(filter -> filter.get("name").asText())
            .toList();
    }

    private JsonNode list(String user) {
        var response = rest().as(user).get("/engine-rest/filter");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    private String id(String user, String name) {
        return StreamSupport.stream(list(user).spliterator(), false)
            .filter(filter -> filter.get("name").asText().equals(name))
            .findFirst()
            .orElseThrow()
            .get("id")
            .asText();
    }

    private static java.util.Map<String, Object> text(String value) {
        return java.util.Map.of("value", value, "type", "String");
    }

    private static java.util.Map<String, Object> json(String value) {
        return java.util.Map.of("value", value, "type", "Json");
    }

}
