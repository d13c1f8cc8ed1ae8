package fr.catalyse.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import fr.catalyse.RestCalls;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Today's Catalyse starts on the database of the latest release — its schema and its demo
 * data, restored from {@code released/<n>/schema-and-demo-data.sql} into an empty
 * PostgreSQL — migrates it with whatever Flyway migrations came since, and works: the
 * demo's people sign in, their tasks are there and can be completed. (From an empty
 * database, every other integration test starts so.) Its own context, closed after it:
 * the database is not the suite's.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(UpgradeFromReleasedSchemaIntegrationTest.PreviousReleaseDatabase.class)
// Last of all test classes (junit-platform.properties orders classes by @Order): its
// context names its
// engine « default » too, and the webapps of the cached test context keep what they
// looked up of it
// once it is closed (their API answered 500 to the tests that ran after it).
@org.junit.jupiter.api.Order(Integer.MAX_VALUE)
@DirtiesContext
class UpgradeFromReleasedSchemaIntegrationTest {

    static final String DEMO_PASSWORD = "Catalyse-Demo-2026";
    static final String PARTNERSHIP = "nantes / Mobilité solidaire des seniors";

    private static final Pattern MIGRATION = Pattern.compile("V(\\d+(?:_\\d+)*)__.*\\.sql");

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    ProcessEngine engine;

    /**
     * The latest release's database, restored before the application (and its Flyway)
     * starts on it.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class PreviousReleaseDatabase {

        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() throws IOException, SQLException {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            String dump = new ClassPathResource("released/" + latestRelease() + "/schema-and-demo-data.sql")
                .getContentAsString(StandardCharsets.UTF_8);
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement load = connection.createStatement()) {
                load.execute(dump);
            }
            return postgres;
        }

        @Bean
        DataSource dataSource(EmbeddedPostgres postgres) {
            HikariDataSource dataSource = new HikariDataSource();
            dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
            dataSource.setUsername("postgres");
            dataSource.setMaximumPoolSize(8);
            return dataSource;
        }

    }

    @Test
    void todaysCatalyseMigratesTheLatestReleasesDatabaseAndItsPeopleCarryOnWorking() throws IOException {
        JdbcTemplate sql = new JdbcTemplate(dataSource);
        assertThat(new TreeSet<>(
                sql.queryForList("select version from flyway_schema_history where success", String.class)))
            .as("every migration of today's code is applied")
            .isEqualTo(migrationsOfTodaysCode());
        assertThat(
                sql.queryForObject("select count(*) from cohort where name = 'Territoires pilotes 2026'", Long.class))
            .isEqualTo(1);
        assertThat(sql.queryForObject("select count(*) from participant", Long.class)).isGreaterThan(30);
        assertThat(engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey("Cohorte Territoires pilotes 2026")
            .count()).isEqualTo(1);

        RestCalls rest = RestCalls.to("http://localhost:" + port);
        assertThat(rest.get("/actuator/health/readiness").status()).isEqualTo(200);
        RestCalls claire = rest.as("claire.martin", DEMO_PASSWORD);
        String diagnostic = onlyTask(claire, "Task_SharedDiagnostic");
        var completed = claire.post("/engine-rest/task/" + diagnostic + "/complete", Map.of("variables",
                Map.of("fragilities", Map.of("value", "[\"mobilite\"]", "type", "Json"), "territoryAssets",
                        Map.of("value", "Un réseau de bénévoles dans chaque quartier nord.", "type", "String"),
                        "keyActors", Map.of("value", "Mairie, centre social, transporteurs.", "type", "String"))));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
        assertThat(onlyTask(claire, "Task_MapStakeholders")).isNotBlank();
        assertThat(sql.queryForObject(
                "select territory_assets from partnership where name = 'Mobilité solidaire des seniors'", String.class))
            .as("the record written by today's listener")
            .isEqualTo("Un réseau de bénévoles dans chaque quartier nord.");
    }

    private static String onlyTask(RestCalls caller, String taskKey) {
        var found = caller.get("/engine-rest/task?taskDefinitionKey=" + taskKey + "&processInstanceBusinessKey="
                + URLEncoder.encode(PARTNERSHIP, StandardCharsets.UTF_8).replace("+", "%20"));
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode tasks = found.json();
        assertThat(tasks).as(taskKey + " of " + PARTNERSHIP).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /**
     * "1" (the engine's schema) and the version of each SQL migration on today's
     * classpath.
     */
    private static Set<String> migrationsOfTodaysCode() throws IOException {
        Set<String> versions = new TreeSet<>(List.of("1"));
        for (Resource migration : new PathMatchingResourcePatternResolver()
            .getResources("classpath*:db/migration/V*__*.sql")) {
            Matcher version = MIGRATION.matcher(migration.getFilename());
            if (version.matches()) {
                versions.add(version.group(1).replace('_', '.'));
            }
        }
        return versions;
    }

    /**
     * The highest version listed in the manifest: the release in production before this
     * code.
     */
    static int latestRelease() {
        return ReleasedModelsCompatibilityIntegrationTest.releases()
            .stream()
            .mapToInt(ReleasedModelsCompatibilityIntegrationTest.Release::version)
            .max()
            .orElseThrow();
    }

}
