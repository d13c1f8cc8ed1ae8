package fr.catalyse.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.territory.Territory;
import fr.catalyse.territory.TerritoryRepository;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A start form offers the territories its reader may act for, by name, and chooses the
 * only one; over REST (form variables, the deployed form Tasklist renders) and when the
 * process starts.
 */
class StartFormChoicesIntegrationTest extends IntegrationTestSupport {

    private static final String PARTNERSHIP = "/engine-rest/process-definition/key/partnership-lifecycle";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TerritoryRepository territories;

    @BeforeEach
    void directory() {
        registerTestDirectory();
    }

    @Test
    void aCatalystOfOneTerritoryIsOfferedItAndFindsItChosen() throws Exception {
        var variables = rest().as("cat.alpha").get(PARTNERSHIP + "/form-variables");

        assertThat(variables.status()).as(variables.toString()).isEqualTo(200);
        assertThat(options(variables.json().get("territoryOptions")))
            .containsExactly(Map.of("value", "alpha", "label", "Territoire Alpha"));
        assertThat(variables.json().get("territory").get("value").asText()).isEqualTo("alpha");
    }

    @Test
    void theProgrammeTeamIsOfferedEveryTerritoryAndNoneIsChosenForIt() throws Exception {
        var variables = rest().as("prog.test")
            .get("/engine-rest/process-definition/key/governance-dialogue/form-variables");

        assertThat(variables.status()).as(variables.toString()).isEqualTo(200);
        List<String> everyTerritory = territories.findAll().stream().map(Territory::getCode).sorted().toList();
        assertThat(options(variables.json().get("territoryOptions")).stream()
            .map(option -> option.get("value"))
            .sorted()
            .toList()).isEqualTo(everyTerritory).contains("alpha", "beta", "p01");
        assertThat(variables.json().has("territory")).isFalse();
    }

    @Test
    void theStartFormTasklistRendersCarriesTheOptionsAndTheChoice() {
        var form = rest().as("cat.alpha").get(PARTNERSHIP + "/deployed-start-form");

        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        JsonNode territory = component(form.json(), "territory");
        assertThat(territory.has("valuesKey")).isFalse();
        assertThat(territory.get("values").toString())
            .isEqualTo("[{\"label\":\"Territoire Alpha\",\"value\":\"alpha\"}]");
        assertThat(territory.get("defaultValue").asText()).isEqualTo("alpha");
        assertThat(component(rest().as("prog.test").get(PARTNERSHIP + "/deployed-start-form").json(), "territory")
            .has("defaultValue")).isFalse();
    }

    @Test
    void aCatalystStartsAPartnershipInTheTerritoryChosen() {
        var started = start("cat.alpha", "alpha", Map.of());

        assertThat(started.status()).as(started.toString()).isEqualTo(200);
    }

    @Test
    void aTerritoryOutsideTheOptionsIsRefusedInFrench() {
        // The programme team may start anywhere, so the form's own choices are what
        // refuses gamma.
        var unknown = start("prog.test", "gamma", Map.of("territoryOptions",
                Map.of("type", "Json", "value", "[{\"label\": \"Gamma\", \"value\": \"gamma\"}]")));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        // The options are the engine's: sending them is refused before the form is judged
        // (FormSubmissions)...
        assertThat(unknown.json().get("message").asText())
            .contains("ce formulaire n'a pas de champ « territoryOptions »");
        // ...and a value outside them is refused by the form's own rule.
        var outside = start("prog.test", "gamma", Map.of());
        assertThat(outside.status()).as(outside.toString()).isEqualTo(400);
        assertThat(outside.json().get("message").asText())
            .contains("Le champ « Territoire » ne propose pas la valeur « gamma ».");

        var another = start("cat.alpha", "beta", Map.of());
        assertThat(another.status()).as(another.toString()).isEqualTo(403);
        assertThat(another.json().get("message").asText())
            .contains("vous n'êtes pas catalyseur territorial du territoire « beta »");
    }

    private RestCalls.Response start(String user, String territory, Map<String, Object> more) {
        Map<String, Object> variables = new LinkedHashMap<>(more);
        variables.put("partnershipName", Map.of("value", "Territoire choisi par son nom", "type", "String"));
        variables.put("territory", Map.of("value", territory, "type", "String"));
        variables.put("partnershipKind", Map.of("value", "mecenat", "type", "String"));
        variables.put("objectives", Map.of("value", "[\"attractivite\"]", "type", "Json"));
        variables.put("fragilities", Map.of("value", "[\"emploi\"]", "type", "Json"));
        return rest().as(user).post(PARTNERSHIP + "/start", Map.of("variables", variables));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, String>> options(JsonNode variable) throws Exception {
        assertThat(variable.get("type").asText()).isEqualTo("Json");
        return new ArrayList<>(JSON.readValue(variable.get("value").asText(), List.class));
    }

    private static JsonNode component(JsonNode form, String key) {
        return StreamSupport.stream(form.get("components").spliterator(), false)
            .filter(component -> key.equals(component.path("key").asText()))
            .findFirst()
            .orElseThrow();
    }

}
