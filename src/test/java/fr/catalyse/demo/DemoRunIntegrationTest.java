package fr.catalyse.demo;

import static fr.catalyse.TestInfrastructure.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.ApplicationProcess;
import fr.catalyse.Browser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command in miniature: Catalyse started with no profile and no settings
 * runs on its embedded database with the demo participants, and keeps its data across a
 * restart.
 */
class DemoRunIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsOnTheEmbeddedDefaultWithDemoDataThatSurvivesARestart(@TempDir Path data) throws Exception {
        int port = freePort();
        String[] arguments = { "--server.port=" + port,
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("catalyse"),
                "--catalyse.demo.mailbox.smtp-port=" + freePort() };

        String usersAfterFirstStart;
        try (var app = ApplicationProcess.start(Map.of(), arguments)) {
            app.awaitReady(port, Duration.ofSeconds(120));
            assertThat(get(port, "/engine-rest/engine", "claire.martin", "Catalyse-Demo-2026").statusCode())
                .isEqualTo(200);
            assertThat(get(port, "/engine-rest/engine", "admin", "Operateur-Demo-2026").statusCode()).isEqualTo(200);
            usersAfterFirstStart = get(port, "/engine-rest/user/count", "admin", "Operateur-Demo-2026").body()
                    + get(port, "/engine-rest/process-instance/count", "admin", "Operateur-Demo-2026").body();
            assertThat(usersAfterFirstStart).isEqualTo("{\"count\":39}{\"count\":9}");
            assertThat(get(port, "/engine-rest/task?processDefinitionKey=partnership-lifecycle", "ines.garnier",
                    "Catalyse-Demo-2026")
                .body()).contains("Décider du financement");
            assertThat(get(port, "/boite-de-reception", null, null).statusCode()).isEqualTo(302);
            // The emails hold password links: a participant may not read them, the
            // programme team may.
            assertThat(Browser.on(port)
                .signIn("claire.martin", "Catalyse-Demo-2026")
                .get("/boite-de-reception")
                .statusCode()).isEqualTo(403);
            var mailbox = Browser.on(port).signIn("camille.lefebvre", "Catalyse-Demo-2026").get("/boite-de-reception");
            assertThat(mailbox.statusCode()).isEqualTo(200);
            assertThat(mailbox.body()).contains("Boîte de réception de démonstration", "<details")
                .doesNotContain("Aucun courriel");
            assertThat(get(port, "/camunda/app/tasklist/default/", null, null).statusCode()).isEqualTo(200);

            // The observatory's cohort grid, as Cockpit's « Programme » page reads it:
            // the four territories late with S2.
            Browser lead = Browser.on(port).signInToWebapp("cockpit", "camille.lefebvre", "Catalyse-Demo-2026");
            String observatory = "/camunda/api/cockpit/plugin/catalyse-observatoire/default";
            JsonNode cohorts = JSON.readTree(lead.get(observatory + "/cohortes").body());
            assertThat(cohorts.get(0).get("name").asText()).isEqualTo(DemoCohort.NAME);
            JsonNode grid = JSON
                .readTree(lead.get(observatory + "/cohortes/" + cohorts.get(0).get("id").asText()).body());
            assertThat(grid.get("rows")).hasSize(12)
                .filteredOn(row -> "OVERDUE".equals(row.get("cells").get("S2").get("state").asText()))
                .extracting(row -> row.get("territory").get("code").asText())
                .containsExactlyInAnyOrderElementsOf(DemoCohort.LATE_WITH_S2);
        }

        try (var app = ApplicationProcess.start(Map.of(), arguments)) {
            app.awaitReady(port, Duration.ofSeconds(120));
            assertThat(get(port, "/engine-rest/user/count", "admin", "Operateur-Demo-2026").body()
                    + get(port, "/engine-rest/process-instance/count", "admin", "Operateur-Demo-2026").body())
                .isEqualTo(usersAfterFirstStart);
        }
    }

    private HttpResponse<String> get(int port, String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (user != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

}
