package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be started on our machines, so its promises are read: the
 * services are there with health checks and a database volume, and every variable given
 * to the application is one the application actually reads. Every file is parsed (YAML,
 * nginx directives without their comments), so a line commented out or a word inside a
 * comment satisfies nothing here.
 */
class DockerComposeTest {

    static final List<String> NODES = List.of("catalyse-1", "catalyse-2");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)[:}]");

    static Map<String, Object> compose;
    static Map<String, Object> services;
    static Set<String> knownProperties;

    /** The ${…} placeholders in the values of the application's YAML files. */
    static Set<String> placeholders;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void read() throws IOException {
        compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        services = (Map<String, Object>) compose.get("services");
        knownProperties = new HashSet<>();
        ObjectMapper json = new ObjectMapper();
        for (URL metadata : Collections.list(
                DockerComposeTest.class.getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
            try (InputStream in = metadata.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    knownProperties.add(property.get("name").asText());
                }
            }
        }
        placeholders = new HashSet<>();
        try (var files = Files.list(Path.of("src/main/resources"))) {
            for (Path file : files.filter(path -> path.getFileName().toString().matches("application.*\\.yaml"))
                .toList()) {
                for (Object document : new Yaml().loadAll(Files.readString(file))) {
                    collectPlaceholders(document);
                }
            }
        }
    }

    private static void collectPlaceholders(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.values().forEach(DockerComposeTest::collectPlaceholders);
        }
        else if (value instanceof List<?> list) {
            list.forEach(DockerComposeTest::collectPlaceholders);
        }
        else if (value instanceof String text) {
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                placeholders.add(placeholder.group(1));
            }
        }
    }

    @Test
    void theStackHasTheDatabaseTheMailCatcherTwoNodesAndAProxy() {
        assertThat(services).containsOnlyKeys("postgres", "mailpit", "catalyse-1", "catalyse-2", "proxy");
        assertThat(service("postgres").get("image").toString()).startsWith("postgres:");
        assertThat(healthTest("postgres")).contains("pg_isready");
        assertThat(list(service("postgres"), "volumes")).contains("postgres-data:/var/lib/postgresql/data");
        assertThat(map(compose, "volumes")).containsKey("postgres-data");
        assertThat(service("mailpit").get("image").toString()).startsWith("axllent/mailpit:");
        assertThat(healthTest("mailpit")).contains("readyz");
        for (String node : NODES) {
            assertThat(map(service(node), "build")).containsEntry("context", ".")
                .containsEntry("dockerfile", "src/main/docker/Dockerfile");
            assertThat(healthTest(node)).contains("http://localhost:8080/actuator/health/readiness");
            assertThat(map(service(node), "depends_on")).containsOnlyKeys("postgres", "mailpit")
                .allSatisfy((service, condition) -> assertThat(condition)
                    .isEqualTo(Map.of("condition", "service_healthy")));
        }
        assertThat(Files.exists(Path.of("src/main/docker/Dockerfile"))).isTrue();
    }

    @Test
    void theProxyKeepsEachBrowserOnOneNodeAndKnowsBoth() throws IOException {
        assertThat(list(service("proxy"), "volumes"))
            .contains("./src/main/docker/nginx.conf:/etc/nginx/conf.d/default.conf:ro");
        assertThat(map(service("proxy"), "depends_on")).containsOnlyKeys(NODES.toArray(String[]::new))
            .allSatisfy((node, condition) -> assertThat(condition).isEqualTo(Map.of("condition", "service_healthy")));
        List<String> proxy = nginxDirectives(Files.readString(Path.of("src/main/docker/nginx.conf")));
        assertThat(proxy).containsSubsequence("upstream catalyse {", "ip_hash;", "}")
            .anySatisfy(directive -> assertThat(directive).startsWith("server catalyse-1:8080"))
            .anySatisfy(directive -> assertThat(directive).startsWith("server catalyse-2:8080"))
            .contains("proxy_pass http://catalyse;", "proxy_set_header X-Forwarded-Proto $scheme;");
    }

    @Test
    void everyVariableGivenToTheApplicationIsReadByIt() {
        Map<String, Object> environment = environment(NODES.get(0));
        assertThat(environment).isNotEmpty().isEqualTo(environment(NODES.get(1)));
        for (String variable : environment.keySet()) {
            boolean placeholder = placeholders.contains(variable);
            boolean boundProperty = knownProperties.stream()
                .anyMatch(property -> asEnvironmentVariable(property).equals(variable));
            assertThat(placeholder || boundProperty).as(variable + " is read by the application").isTrue();
        }
    }

    @Test
    void theApplicationRunsTheProductionProfileOnTheComposeDatabaseAndMailCatcher() {
        Map<String, Object> environment = environment(NODES.get(0));
        assertThat(environment.get("SPRING_PROFILES_ACTIVE")).isEqualTo("production");
        assertThat(environment.get("SPRING_DATASOURCE_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
        assertThat(environment.get("SPRING_MAIL_HOST")).isEqualTo("mailpit");
        List.of("SPRING_DATASOURCE_PASSWORD", "CATALYSE_ADMIN_PASSWORD")
            .forEach(secret -> assertThat(environment.get(secret).toString()).as(secret + " has no default")
                .contains(":?"));
    }

    /**
     * Spring Boot's documented mapping: dots become underscores, dashes are dropped,
     * upper case.
     */
    static String asEnvironmentVariable(String property) {
        return property.replace(".", "_").replace("-", "").toUpperCase(Locale.ROOT);
    }

    /**
     * nginx's directives and block openings, one per entry, without comments or blank
     * lines.
     */
    static List<String> nginxDirectives(String configuration) {
        return Arrays.stream(configuration.split("\n"))
            .map(line -> line.replaceAll("#.*", "").trim())
            .filter(line -> !line.isEmpty())
            .map(line -> line.replaceAll("\\s+", " "))
            .toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) {
        assertThat(services).containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(Map.class);
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        assertThat(parent.get(key)).as(key).isInstanceOf(List.class);
        return (List<Object>) parent.get(key);
    }

    /**
     * The health check's command, as one line whether written as a string or as a list.
     */
    private static String healthTest(String name) {
        Object test = map(service(name), "healthcheck").get("test");
        return test instanceof List<?> words ? String.join(" ", words.stream().map(String::valueOf).toList())
                : String.valueOf(test);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(String name) {
        return (Map<String, Object>) service(name).get("environment");
    }

}
