package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  private static void checkLabels(JsonNode components) {
    for (JsonNode component : components) {
      if (component.has("key")) {
        String label = component.path("label").asText(component.path("dateLabel").asText(""));
        assertThat(label).as("label of " + component.get("key").asText()).isNotBlank()
            .doesNotContainPattern("\\b(the|and|your|of)\\b");
      }
      if (component.has("components")) {
        checkLabels(component.get("components"));
      }
    }
  }
}
