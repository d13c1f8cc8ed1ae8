package fr.catalyse.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every label a webapp shows exists in French: a key missing from fr.json would show as
 * its raw name. Compared with the English file of the Camunda webjar on the class path,
 * placeholders and markup included.
 */
class WebappLocalesTest {

    private static final Pattern PLACEHOLDER = Pattern
        .compile("\\{\\{[^}]*}}|</?(a|br|strong|em|b|i|p|span|code|ul|li|div|small)\\b[^>]*>");

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
    void theFrenchLabelsCoverEveryEnglishOneWithTheSamePlaceholders(String app) throws IOException {
        JsonNode english = read(app, "en").get("labels");
        JsonNode french = read(app, "fr").get("labels");

        Set<String> missing = new HashSet<>();
        english.fieldNames().forEachRemaining(key -> {
            if (!french.hasNonNull(key)) {
                missing.add(key);
            }
            else {
                assertThat(markup(french.get(key).asText())).as(app + " " + key)
                    .isEqualTo(markup(english.get(key).asText()));
            }
        });
        assertThat(missing).as(app + " labels missing in French").isEmpty();
        assertThat(french.get(english.fieldNames().next()).asText()).isNotBlank();
    }

    private static Set<String> markup(String label) {
        Set<String> found = new HashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(label);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static JsonNode read(String app, String language) throws IOException {
        String path = "/" + fr.catalyse.platform.Webapps.RESOURCES + "/app/" + app + "/locales/" + language + ".json";
        try (InputStream in = WebappLocalesTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            byte[] bytes = in.readAllBytes();
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            return JSON.readTree(text);
        }
    }

}
