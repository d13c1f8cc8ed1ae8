package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The webapps' path and resource folder Catalyse names are the ones the starter serves.
 */
class WebappsTest {

    @Test
    @SuppressWarnings("unchecked")
    void theWebappPathIsTheStartersSettingAndOurFilesSitInItsResourceFolder() throws Exception {
        Map<String, Object> yaml = new Yaml().load(Files.readString(Path.of("src/main/resources/application.yaml")));
        Map<String, Object> camunda = (Map<String, Object>) yaml.get("camunda.bpm");
        assertThat(camunda.get("webapp.application-path")).isEqualTo(Webapps.PATH);
        assertThat(Path.of("src/main/resources", Webapps.RESOURCES, "app/tasklist/scripts/config.js")).exists();
        assertThat(Webapps.RESOURCES).endsWith("webjars" + Webapps.PATH);
        assertThat(getClass().getClassLoader().getResource(Webapps.RESOURCES + "/app/cockpit/scripts/config.js"))
            .isNotNull();
    }

}
