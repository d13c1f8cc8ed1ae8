package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started on our machines, so its promises are read: the services are
 * there with health checks and a database volume, and every variable given to the application is
 * one the application actually reads.
 */
class DockerComposeTest {

  static final List<String> NODES = List.of("catalyse-1", "catalyse-2");

  static Map<String, Object> services;
  static Set<String> knownProperties;
  static String applicationYaml;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
    services = (Map<String, Object>) compose.get("services");
    knownProperties = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (URL metadata : Collections.list(DockerComposeTest.class.getClassLoader()
        .getResources("META-INF/spring-configuration-metadata.json"))) {
      try (InputStream in = metadata.openStream()) {
        for (JsonNode property : json.readTree(in).path("properties")) {
          knownProperties.add(property.get("name").asText());
        }
      }
    }
    StringBuilder yaml = new StringBuilder();
    try (var files = Files.list(Path.of("src/main/resources"))) {
      for (Path file : files.filter(path -> path.getFileName().toString().matches("application.*\\.yaml")).toList()) {
        yaml.append(Files.readString(file));
      }
    }
    applicationYaml = yaml.toString();
  }

  @Test
  void theStackHasTheDatabaseTheMailCatcherTwoNodesAndAProxy() {
    assertThat(services).containsKeys("postgres", "mailpit", "catalyse-1", "catalyse-2", "proxy");
    assertThat(service("postgres")).containsKeys("healthcheck", "volumes");
    assertThat(service("mailpit")).containsKey("healthcheck");
    for (String node : NODES) {
      assertThat(service(node)).containsKey("healthcheck");
      assertThat(service(node).get("build").toString()).contains("src/main/docker/Dockerfile");
      assertThat(service(node).get("depends_on").toString()).contains("service_healthy");
    }
    assertThat(Files.exists(Path.of("src/main/docker/Dockerfile"))).isTrue();
  }

  @Test
  void theProxyKeepsEachBrowserOnOneNodeAndKnowsBoth() throws IOException {
    assertThat(service("proxy").get("volumes").toString()).contains("./src/main/docker/nginx.conf");
    String proxy = Files.readString(Path.of("src/main/docker/nginx.conf"));
    assertThat(proxy).contains("ip_hash", "server catalyse-1:8080", "server catalyse-2:8080", "X-Forwarded-Proto");
  }

  @Test
  void everyVariableGivenToTheApplicationIsReadByIt() {
    Map<String, Object> environment = environment(NODES.get(0));
    assertThat(environment).isNotEmpty().isEqualTo(environment(NODES.get(1)));
    for (String variable : environment.keySet()) {
      boolean placeholder = applicationYaml.contains("${" + variable + ":") || applicationYaml.contains("${" + variable + "}");
      boolean boundProperty = knownProperties.stream().anyMatch(property -> asEnvironmentVariable(property).equals(variable));
      assertThat(placeholder || boundProperty).as(variable + " is read by the application").isTrue();
    }
  }

  @Test
  void theApplicationRunsTheProductionProfileOnTheComposeDatabaseAndMailCatcher() {
    Map<String, Object> environment = environment(NODES.get(0));
    assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("production");
    assertThat(environment.get("SPRING_DATASOURCE_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
    assertThat(environment.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
    List.of("SPRING_DATASOURCE_PASSWORD", "CATALYSE_ADMIN_PASSWORD").forEach(secret ->
        assertThat(environment.get(secret).toString()).as(secret + " has no default").contains(":?"));
  }

  /** Spring Boot's documented mapping: dots become underscores, dashes are dropped, upper case. */
  static String asEnvironmentVariable(String property) {
    return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    return (Map<String, Object>) services.get(name);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String name) {
    return (Map<String, Object>) service(name).get("environment");
  }
}
