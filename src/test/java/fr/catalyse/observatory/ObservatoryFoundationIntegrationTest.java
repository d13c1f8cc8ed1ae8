package fr.catalyse.observatory;

import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.forms.FormValues;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.territory.DirectoryCsv;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The cohort grid's socle commun over HTTP on PostgreSQL: a cohort of two territories of
 * its own (socle-est, socle-ouest) driven through the real pathway model to S4 and then
 * step by step through consolidation, the binômes' reviews, a version sent back, a review
 * missed at its deadline, validation and publication, reading at each step what the
 * programme team and each territory's catalyst are shown.
 */
class ObservatoryFoundationIntegrationTest extends IntegrationTestSupport {

    static final String API = "/api/observatoire";
    static final String PLUGIN = "/camunda/api/cockpit/plugin/catalyse-observatoire/default";
    static final String EST = "socle-est";
    static final String OUEST = "socle-ouest";
    static final List<String> OURS = List.of(EST, OUEST);

    static final String DIRECTORY = """
            territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role
            socle-est;Socle Est;;;;cat1.socle-est;Estelle;Estève;cat1@socle-est.test;catalyseur
            socle-est;Socle Est;;;;cat2.socle-est;Ernest;Estève;cat2@socle-est.test;catalyseur
            socle-ouest;Socle Ouest;;;;cat1.socle-ouest;Oscar;Ouvrard;cat1@socle-ouest.test;catalyseur
            socle-ouest;Socle Ouest;;;;cat2.socle-ouest;Odile;Ouvrard;cat2@socle-ouest.test;catalyseur
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    JdbcTemplate jdbc;

    String cohort;

    long cohortId;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theSocleCommunShowsConsolidationReviewsValidationAndPublicationToTheProgrammeAndEachCatalystTheirOwnReview()
            throws Exception {
        registerTestDirectory();
        DirectoryCsv.Result result = DirectoryCsv.read(new StringReader(DIRECTORY));
        assertThat(result.errors()).isEmpty();
        directory.register(result.entries(), person -> PASSWORD);
        ClockUtil.setCurrentTime(new Date());
        LocalDate start = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Deadlines.ZONE);
        cohort = access
            .actingAs("prog.test",
                    () -> engine.getRuntimeService()
                        .startProcessInstanceByKey("pilot-pathway", values("cohortName", "Cohorte du socle commun",
                                "startDate", start.toString(), "targetTerritories", 12L, "applicationDeadline",
                                start.plusDays(14).toString(), "sessionS1", start.plusDays(30).toString(), "sessionS2",
                                start.plusDays(75).toString(), "sessionW", start.plusDays(120).toString(), "sessionS3",
                                start.plusDays(180).toString(), "sessionS4", start.plusDays(240).toString())))
            .getId();
        cohortId = jdbc.queryForObject("select id from cohort where process_instance_id = ?", Long.class, cohort);
        ProcessDriver driver = new ProcessDriver(engine);

        // The nine months, every deliverable in on time, up to the consolidation: no
        // version yet.
        driver.run(cohort, this::pathwayAnswers, () -> driver.waitsAt(cohort, "Task_ConsolidateFoundation"));
        JsonNode grid = grid("prog.test");
        assertThat(grid.get("foundation").isNull()).isTrue();
        for (String territory : OURS) {
            assertThat(row(grid, territory).get("cells").get("S4").get("state").asText()).isEqualTo("ON_TIME");
            assertThat(row(grid, territory).get("review").get("state").asText()).isEqualTo("NOT_APPLICABLE");
            assertThat(row(grid, territory).get("review").get("label").asText()).isEqualTo("sans objet");
        }

        // Consolidated by the programme team: version 1 in review, no opinion yet, the
        // binômes' tasks to follow.
        Instant consolidated = now();
        complete("Task_ConsolidateFoundation", consolidation());
        grid = grid("prog.test");
        assertThat(grid.get("status").asText()).isEqualTo("CLOSING");
        assertThat(grid.get("statusLabel").asText()).isEqualTo("socle commun en préparation");
        assertFoundation(grid.get("foundation"), 1, "IN_REVIEW", "en relecture par les binômes", 0, consolidated, null,
                null);
        for (String territory : OURS) {
            JsonNode review = row(grid, territory).get("review");
            assertThat(review.get("state").asText()).isEqualTo("EXPECTED");
            assertThat(review.get("label").asText()).isEqualTo("avis attendu");
            assertThat(review.get("taskId").asText()).isEqualTo(reviewTask(territory).getId());
            assertThat(review.get("reviewedAt").isNull()).isTrue();
        }

        // Est reviews with reservations: one opinion of two received; Ouest's catalyst
        // sees it in the count and only
        // their own row, still expected.
        ClockUtil.setCurrentTime(Date.from(now().plusSeconds(3_600)));
        Instant estReviewed = now();
        engine.getTaskService()
            .complete(reviewTask(EST).getId(), values("foundationOpinion", "reserves", "foundationComment",
                    "Préciser la part des collectivités."));
        grid = grid("prog.test");
        assertFoundation(grid.get("foundation"), 1, "IN_REVIEW", "en relecture par les binômes", 1, consolidated, null,
                null);
        JsonNode est = row(grid, EST).get("review");
        assertThat(est.get("state").asText()).isEqualTo("GIVEN");
        assertThat(est.get("label").asText()).isEqualTo("avis donné : avec réserves");
        assertThat(est.get("opinion").asText()).isEqualTo("reserves");
        assertThat(est.get("reviewedAt").asText()).isEqualTo(estReviewed.toString());
        assertThat(est.get("taskId").isNull()).isTrue();
        JsonNode ouestSeen = grid("cat1." + OUEST);
        assertThat(texts(ouestSeen.get("rows"), "territory", "code")).containsExactly(OUEST);
        assertThat(row(ouestSeen, OUEST).get("review").get("state").asText()).isEqualTo("EXPECTED");
        assertThat(row(ouestSeen, OUEST).get("review").get("taskId").asText()).isEqualTo(reviewTask(OUEST).getId());
        assertFoundation(ouestSeen.get("foundation"), 1, "IN_REVIEW", "en relecture par les binômes", 1, consolidated,
                null, null);
        JsonNode estSeen = grid("cat1." + EST);
        assertThat(texts(estSeen.get("rows"), "territory", "code")).containsExactly(EST);
        assertThat(row(estSeen, EST).get("review")).isEqualTo(est);

        // Ouest approves: both opinions in, the version waits for the steering committee.
        engine.getTaskService().complete(reviewTask(OUEST).getId(), values("foundationOpinion", "approuve"));
        assertThat(driver.waitsAt(cohort, "Task_ValidateFoundation")).isTrue();
        grid = grid("prog.test");
        assertFoundation(grid.get("foundation"), 1, "IN_REVIEW", "en relecture par les binômes", 2, consolidated, null,
                null);
        assertThat(row(grid, OUEST).get("review").get("label").asText()).isEqualTo("avis donné : approuvé");

        // Sent back: version 1 says so and keeps its opinions, no validation date.
        complete("Task_ValidateFoundation",
                values("foundationDecision", "renvoyer", "committeeComment", "À reprendre."));
        assertThat(driver.waitsAt(cohort, "Task_ConsolidateFoundation")).isTrue();
        grid = grid("prog.test");
        assertFoundation(grid.get("foundation"), 1, "SENT_BACK", "renvoyé pour reprise", 2, consolidated, null, null);
        assertThat(row(grid, EST).get("review").get("state").asText()).isEqualTo("GIVEN");

        // Version 2: its own reviews, none yet. Est approves; Ouest lets the review
        // period close without a word.
        ClockUtil.setCurrentTime(Date.from(now().plusSeconds(86_400)));
        Instant reconsolidated = now();
        complete("Task_ConsolidateFoundation", consolidation());
        grid = grid("prog.test");
        assertFoundation(grid.get("foundation"), 2, "IN_REVIEW", "en relecture par les binômes", 0, reconsolidated,
                null, null);
        assertThat(row(grid, EST).get("review").get("state").asText()).isEqualTo("EXPECTED");
        engine.getTaskService().complete(reviewTask(EST).getId(), values("foundationOpinion", "approuve"));
        driver.run(cohort, task -> null, () -> driver.waitsAt(cohort, "Task_ValidateFoundation"));
        grid = grid("prog.test");
        assertFoundation(grid.get("foundation"), 2, "IN_REVIEW", "en relecture par les binômes", 1, reconsolidated,
                null, null);
        assertThat(row(grid, EST).get("review").get("label").asText()).isEqualTo("avis donné : approuvé");
        JsonNode missed = row(grid, OUEST).get("review");
        assertThat(missed.get("state").asText()).isEqualTo("MISSED");
        assertThat(missed.get("label").asText()).isEqualTo("sans avis");
        assertThat(missed.get("taskId").isNull()).isTrue();
        assertThat(row(grid("cat1." + OUEST), OUEST).get("review")).isEqualTo(missed);

        // Validated: the date is there, publication waits for its job.
        Instant validated = now();
        complete("Task_ValidateFoundation",
                values("foundationDecision", "valider", "committeeComment", "Relu en séance."));
        grid = grid("prog.test");
        assertFoundation(grid.get("foundation"), 2, "VALIDATED", "validé par le comité", 1, reconsolidated, validated,
                null);

        // Published.
        driver.run(cohort, task -> null,
                () -> "PUBLISHED".equals(jdbc.queryForObject(
                        "select status from foundation_version where cohort_id = ? order by version desc limit 1",
                        String.class, cohortId)));
        Instant published = jdbc
            .queryForObject("select published_at from foundation_version where cohort_id = ? and version = 2",
                    java.sql.Timestamp.class, cohortId)
            .toInstant();
        assertThat(published).isAfterOrEqualTo(validated);
        grid = grid("prog.test");
        assertThat(grid.get("statusLabel").asText()).isEqualTo("socle commun publié");
        assertFoundation(grid.get("foundation"), 2, "PUBLISHED", "publié", 1, reconsolidated, validated, published);

        // A catalyst reads the same socle commun through the webapps' session, with their
        // own row only, and exports it.
        Browser catalyst = Browser.on(port);
        catalyst.signInToTasklist("cat1." + EST, PASSWORD);
        HttpResponse<String> session = catalyst.get(PLUGIN + "/cohortes/" + cohortId);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        JsonNode theirs = JSON.readTree(session.body());
        assertThat(texts(theirs.get("rows"), "territory", "code")).containsExactly(EST);
        assertFoundation(theirs.get("foundation"), 2, "PUBLISHED", "publié", 1, reconsolidated, validated, published);
        assertThat(row(theirs, EST).get("review").get("label").asText()).isEqualTo("avis donné : approuvé");
        HttpResponse<String> csv = catalyst.get(PLUGIN + "/cohortes/" + cohortId + "?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body()).contains(";Avis sur le socle commun\r\n")
            .contains(";avis donné : approuvé\r\n")
            .doesNotContain("Socle Ouest");
    }

    private static void assertFoundation(JsonNode foundation, int version, String status, String label, int reviews,
            Instant consolidatedAt, Instant validatedAt, Instant publishedAt) {
        assertThat(foundation.get("version").asInt()).isEqualTo(version);
        assertThat(foundation.get("status").asText()).isEqualTo(status);
        assertThat(foundation.get("statusLabel").asText()).isEqualTo(label);
        assertThat(foundation.get("reviewsReceived").asInt()).isEqualTo(reviews);
        assertThat(foundation.get("reviewsExpected").asInt()).as("one per selected territory").isEqualTo(2);
        assertThat(foundation.get("consolidatedAt").asText()).isEqualTo(consolidatedAt.toString());
        assertThat(
                foundation.get("validatedAt").isNull() ? null : Instant.parse(foundation.get("validatedAt").asText()))
            .isEqualTo(validatedAt);
        assertThat(
                foundation.get("publishedAt").isNull() ? null : Instant.parse(foundation.get("publishedAt").asText()))
            .isEqualTo(publishedAt);
    }

    // --- the story's steps
    // ------------------------------------------------------------------------

    private Map<String, Object> pathwayAnswers(Task task) {
        String territory = (String) engine.getTaskService().getVariable(task.getId(), "territory");
        boolean ours = territory != null && OURS.contains(territory);
        return switch (task.getTaskDefinitionKey()) {
            case "Task_Apply" -> ours ? values("applying", "oui", "catalystOne", "cat1." + territory, "catalystTwo",
                    "cat2." + territory, "motivation", "Nous voulons écrire le socle commun avec les autres.") : null;
            case "Task_ReviewApplications" -> values("selectedTerritories", FormValues.json(new ArrayList<>(OURS)));
            case "Task_ValidateSelection" -> values("selectionDecision", "valider");
            case "Task_PrepareSession" -> values("sessionPlace", "Metz", "sessionAgenda", "Atelier et retours.");
            case "Task_RecordSession" -> values("attendance", FormValues.json(new ArrayList<>(OURS)), "sessionMinutes",
                    "Les deux binômes étaient présents.");
            case "Task_SubmitDeliverable" ->
                deliverable(territory, (String) engine.getTaskService().getVariable(task.getId(), "session"));
            case "Task_CapitaliseSession" -> values("sessionLessons", "Les enseignements partagés de la session.");
            case "Task_MonthlySupport" -> values("supportProgress", "Le comité local se réunit chaque mois.");
            default -> null;
        };
    }

    private static Map<String, Object> deliverable(String territory, String session) {
        Map<String, Object> submitted = values("deliverableSummary",
                "Notre " + session + " : constats, actions, suites.");
        if ("S4".equals(session)) {
            submitted.put("contributions",
                    FormValues.json(List
                        .of(new HashMap<>(Map.of("category", "enseignement", "dimension", "dispositif", "engineering",
                                "relationnelle", "content", "À " + territory + ", un tiers de confiance.")))));
        }
        return submitted;
    }

    private Map<String, Object> consolidation() {
        Task task = task("Task_ConsolidateFoundation");
        return values("foundationItems", engine.getTaskService().getVariable(task.getId(), "foundationItems"));
    }

    private void complete(String key, Map<String, Object> answer) {
        engine.getTaskService().complete(task(key).getId(), answer);
    }

    private Task task(String key) {
        return engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(cohort)
            .taskDefinitionKey(key)
            .singleResult();
    }

    private Task reviewTask(String territory) {
        return engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(cohort)
            .taskDefinitionKey("Task_ReviewFoundation")
            .list()
            .stream()
            .filter(task -> territory.equals(engine.getTaskService().getVariable(task.getId(), "territory")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open review for " + territory));
    }

    private static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    // --- HTTP and JSON
    // ------------------------------------------------------------------------------

    private JsonNode grid(String user) {
        HttpResponse<byte[]> response = basic(user, API + "/cohortes/" + cohortId);
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        try {
            return JSON.readTree(response.body());
        }
        catch (IOException notJson) {
            throw new AssertionError(notJson);
        }
    }

    private HttpResponse<byte[]> basic(String user, String path) {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static JsonNode row(JsonNode grid, String territory) {
        return StreamSupport.stream(grid.get("rows").spliterator(), false)
            .filter(row -> territory.equals(row.get("territory").get("code").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + territory));
    }

    private static List<String> texts(JsonNode array, String... path) {
        List<String> found = new ArrayList<>();
        for (JsonNode node : array) {
            JsonNode value = node;
            for (String field : path) {
                value = value.get(field);
            }
            found.add(value.asText());
        }
        return found;
    }

}
