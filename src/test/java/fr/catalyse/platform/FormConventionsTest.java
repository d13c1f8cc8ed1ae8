package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every form renders in the Tasklist of Camunda 7.24 and speaks French to its reader. */
class FormConventionsTest {

    static Stream<Path> forms() throws IOException {
        return Files.list(Path.of("forms")).filter(path -> path.toString().endsWith(".form")).sorted();
    }

    @ParameterizedTest
    @MethodSource("forms")
    void theFormIsNamedAfterItsFileAndUsesASchemaTasklistRenders(Path file) throws IOException {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        assertThat(file.getFileName().toString()).isEqualTo(form.get("id").asText() + ".form");
        assertThat(form.get("schemaVersion").asInt()).isLessThanOrEqualTo(16);
    }

    @ParameterizedTest
    @MethodSource("forms")
    void everyInputHasAFrenchLabel(Path file) throws IOException {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        checkLabels(form.get("components"));
    }

    private static final Set<String> CHOICES = Set.of("select", "radio", "checklist", "taglist");

    /**
     * The required choices whose options come from a variable (valuesKey), each with the
     * reason the process never opens its task with that variable empty. Any other fails
     * the build: a required choice without options cannot be answered and nobody is told
     * why (issue 11, the stakeholder map of a territory without organisations). Make such
     * a choice optional and enforce "at least one" where an alternative exists, as
     * Task_MapStakeholders does.
     */
    private static final Map<String, String> REQUIRED_DYNAMIC_CHOICES = Map.of("partnership-start/territory",
            "only catalysts (each acts for a territory) and the programme team (sees them all) may start it",
            "governance-start/territory", "only the programme team may start it, and it sees every territory",
            "pilot-apply/catalystOne", "offered to the territory's catalysts: the one who opens it is in the list",
            "pilot-apply/catalystTwo",
            "the same list; when it holds one person only, the description says who registers the second",
            "partnership-propose-matches/invitedOrganisations",
            "the stakeholder map requires a candidate, and a new round follows "
                    + "only a round in which nobody became a partner, so every candidate is still offered",
            "partnership-define-indicators/indicatorCollector",
            "the design starts only after a match was accepted (Gateway_MatchAccepted)",
            "pilot-review-applications/selectedTerritories",
            "KNOWN GAP: empty when the call closes without any application; "
                    + "until the model handles that case, the description says where the options come from");

    @ParameterizedTest
    @MethodSource("forms")
    void noRequiredChoiceDependsOnOptionsThatMayBeMissing(Path file) throws IOException {
        JsonNode form = new ObjectMapper().readTree(file.toFile());
        checkDynamicChoices(form.get("id").asText(), form.get("components"));
    }

    private static void checkDynamicChoices(String formId, JsonNode components) {
        for (JsonNode component : components) {
            boolean required = component.path("validate").path("required").asBoolean(false);
            if (CHOICES.contains(component.path("type").asText()) && component.hasNonNull("valuesKey") && required) {
                String field = formId + "/" + component.path("key").asText();
                assertThat(REQUIRED_DYNAMIC_CHOICES).as("« " + field + " » is required but its options ("
                        + component.get("valuesKey").asText()
                        + ") may be empty: make it optional and say what to do instead, or list why it cannot be empty")
                    .containsKey(field);
                assertThat(component.path("description").asText(""))
                    .as("French explanation of where the options of « " + field + " » come from")
                    .isNotBlank()
                    .doesNotContainPattern("\\b(the|and|your|of)\\b");
            }
            if (component.has("components")) {
                checkDynamicChoices(formId, component.get("components"));
            }
        }
    }

    private static void checkLabels(JsonNode components) {
        for (JsonNode component : components) {
            if (component.has("key")) {
                String label = component.path("label").asText(component.path("dateLabel").asText(""));
                assertThat(label).as("label of " + component.get("key").asText())
                    .isNotBlank()
                    .doesNotContainPattern("\\b(the|and|your|of)\\b");
            }
            if (component.has("components")) {
                checkLabels(component.get("components"));
            }
        }
    }

}
