package fr.catalyse.documents;

import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.RestCalls;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.forms.FormValues;
import fr.catalyse.partnership.PartnershipScenario;
import fr.catalyse.platform.Deadlines;
import fr.catalyse.territory.DirectoryCsv;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Documents over HTTP on PostgreSQL, as people use them: a catalyst attaches their
 * deliverable in Tasklist (the webapps' session and CSRF token) or through /api (HTTP
 * Basic), replaces and removes their own files until the task is completed; another
 * territory sees none of it; the type is read from the content; the signed convention is
 * required to sign; the history's deletion and cleanup take the files with them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentsIntegrationTest extends IntegrationTestSupport {

    private static final String DIRECTORY = """
            territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role
            doc-nord;Documents Nord;;;;cat1.doc-nord;Nadia;Nordin;cat1@doc-nord.test;catalyseur
            doc-nord;Documents Nord;;;;cat2.doc-nord;Noé;Nordin;cat2@doc-nord.test;catalyseur
            doc-nord;Documents Nord;asso-doc-nord;Association du Nord;association;asso.doc-nord;Nils;Nord;asso@doc-nord.test;association
            doc-sud;Documents Sud;;;;cat1.doc-sud;Sacha;Sudre;cat1@doc-sud.test;catalyseur
            doc-sud;Documents Sud;;;;cat2.doc-sud;Sami;Sudre;cat2@doc-sud.test;catalyseur
            """;

    private static final String API = DocumentApi.API;

    private static final String SESSION = DocumentApi.SESSION;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    void registerTerritories() throws IOException {
        registerTestDirectory();
        DirectoryCsv.Result result = DirectoryCsv.read(new StringReader(DIRECTORY));
        assertThat(result.errors()).isEmpty();
        directory.register(result.entries(), person -> PASSWORD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theEnginesOwnAttachmentsAreTheOperatorsSoEveryParticipantsFileGoesThroughTheChecks() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte des pièces du moteur");
        Task nord = deliverable(cohort, "doc-nord");
        String path = "/engine-rest/task/" + nord.getId() + "/attachment/create";

        HttpResponse<String> participant = HTTP.send(authorized("cat1.doc-nord", path)
            .header("Content-Type", Files.multipartType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(engineAttachment("script.html", "<script>alert(1)</script>")))
            .build(), HttpResponse.BodyHandlers.ofString());
        // Over REST the engine's resource already stops at its history query, which
        // participants may not read;
        // the rule itself holds on every path, Java included.
        assertThat(participant.statusCode()).as(participant.body()).isBetween(400, 403);
        engine.getIdentityService()
            .setAuthentication("cat1.doc-nord", List.of("catalyseurs", "catalyseurs.doc-nord"), List.of("doc-nord"));
        try {
            assertThatThrownBy(() -> engine.getTaskService()
                .createAttachment("text/plain", nord.getId(), cohort, "note.txt", "en direct",
                        new java.io.ByteArrayInputStream("note".getBytes(StandardCharsets.UTF_8))))
                .hasMessageStartingWith("Opération réservée à l'opérateur de Catalyse")
                .hasMessageContaining("onglet « Documents »");
        }
        finally {
            engine.getIdentityService().clearAuthentication();
        }
        assertThat(engine.getTaskService().getTaskAttachments(nord.getId())).isEmpty();

        HttpResponse<String> operator = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((RestCalls.ADMIN + ":" + RestCalls.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
            .header("Content-Type", Files.multipartType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(engineAttachment("note.txt", "note de l'opérateur")))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(operator.statusCode()).as(operator.body()).isEqualTo(200);
        assertThat(engine.getTaskService().getTaskAttachments(nord.getId())).extracting(a -> a.getName())
            .containsExactly("note.txt");
    }

    /** The multipart body of the engine's {@code POST /task/{id}/attachment/create}. */
    private static byte[] engineAttachment(String name, String content) {
        String part = "--" + Files.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"";
        return (part + "attachment-name\"\r\n\r\n" + name + "\r\n" + part + "attachment-type\"\r\n\r\ntext/plain\r\n"
                + part + "content\"; filename=\"" + name + "\"\r\nContent-Type: text/plain\r\n\r\n" + content + "\r\n"
                + "--" + Files.BOUNDARY + "--\r\n")
            .getBytes(StandardCharsets.UTF_8);
    }

    // --- attach, list, download
    // -------------------------------------------------------------------

    @Test
    void aCatalystAttachesTheirDeliverableAndTheirTerritoryDownloadsItAsAnAttachmentNeverSniffed() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte des pièces jointes");
        Task nord = deliverable(cohort, "doc-nord");
        byte[] pdf = Files.pdf("Bilan initial du Nord");

        HttpResponse<String> attached = upload("cat1.doc-nord", API + "/taches/" + nord.getId(),
                "Bilan initial été.pdf", pdf);
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        JsonNode document = JSON.readTree(attached.body());
        assertThat(document.get("name").asText()).isEqualTo("Bilan initial été.pdf");
        assertThat(document.get("contentType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(document.get("sizeLabel").asText()).isEqualTo("1 Ko");
        assertThat(document.get("sha256").asText()).isEqualTo(Documents.sha256(pdf)).hasSize(64);
        assertThat(document.get("uploadedBy").asText()).isEqualTo("cat1.doc-nord");
        assertThat(document.get("territory").asText()).isEqualTo("doc-nord");

        JsonNode panel = okJson(basic("cat2.doc-nord", API + "/taches/" + nord.getId()));
        assertThat(panel.get("open").asBoolean()).isTrue();
        assertThat(panel.get("mayAttach").asBoolean()).isTrue();
        assertThat(panel.get("expected").asText()).startsWith("le livrable de la session");
        assertThat(panel.get("documents")).extracting(item -> item.get("name").asText())
            .containsExactly("Bilan initial été.pdf");
        assertThat(panel.get("documents").get(0).get("mine").asBoolean()).as("the other catalyst's file").isFalse();

        HttpResponse<byte[]> download = basic("cat2.doc-nord", API + "/" + document.get("id").asText() + "/fichier");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
            .contains("filename*=UTF-8''Bilan%20initial%20%C3%A9t%C3%A9.pdf");
        assertThat(download.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");

        // Completed with its file, the deliverable's document stays readable by its
        // territory and the programme.
        engine.getTaskService()
            .complete(nord.getId(), values("deliverableSummary", "Notre bilan initial, en pièce jointe."));
        assertThat(basic("cat2.doc-nord", API + "/" + document.get("id").asText() + "/fichier").body()).isEqualTo(pdf);
        assertThat(basic("prog.test", API + "/" + document.get("id").asText() + "/fichier").statusCode())
            .isEqualTo(200);
        assertThat(basic("comite.test", API + "/" + document.get("id").asText() + "/fichier").statusCode())
            .isEqualTo(200);
        JsonNode after = okJson(basic("cat1.doc-nord", API + "/taches/" + nord.getId()));
        assertThat(after.get("open").asBoolean()).isFalse();
        assertThat(after.get("documents").get(0).get("mayChange").asBoolean()).isFalse();
        assertThat(okJson(basic("cat1.doc-nord", API + "/instances/" + cohort)))
            .extracting(item -> item.get("id").asText())
            .containsExactly(document.get("id").asText());

        // The observatory's cohort grid: Nord's S1 cell downloads this file.
        long cohortId = jdbc.queryForObject("select id from cohort where process_instance_id = ?", Long.class, cohort);
        JsonNode grid = okJson(basic("prog.test", "/api/observatoire/cohortes/" + cohortId));
        JsonNode nordRow = null;
        for (JsonNode row : grid.get("rows")) {
            if ("doc-nord".equals(row.get("territory").get("code").asText())) {
                nordRow = row;
            }
        }
        assertThat(nordRow).isNotNull();
        assertThat(nordRow.get("cells").get("S1").get("documentId").asText()).isEqualTo(document.get("id").asText());
        assertThat(nordRow.get("cells").get("S2").get("documentId").isNull()).isTrue();
    }

    @Test
    void anotherTerritoryNeitherListsNorDownloadsNorAttachesThroughTheApiOrTheWebappSession() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte cloisonnée");
        Task nord = deliverable(cohort, "doc-nord");
        String id = JSON
            .readTree(upload("cat1.doc-nord", API + "/taches/" + nord.getId(), "feuille.pdf", Files.pdf("Nord")).body())
            .get("id")
            .asText();

        assertThat(basic("cat1.doc-sud", API + "/" + id + "/fichier").statusCode()).isEqualTo(403);
        assertThat(basic("cat1.doc-sud", API + "/taches/" + nord.getId()).statusCode()).isEqualTo(404);
        HttpResponse<String> attach = upload("cat1.doc-sud", API + "/taches/" + nord.getId(), "intrus.pdf",
                Files.pdf("Sud"));
        assertThat(attach.statusCode()).isEqualTo(404);
        assertThat(JSON.readTree(attach.body()).get("message").asText()).startsWith("Tâche introuvable");
        assertThat(okJson(basic("cat1.doc-sud", API + "/instances/" + cohort))).isEmpty();

        Browser sud = Browser.on(port);
        sud.signInToTasklist("cat1.doc-sud", PASSWORD);
        HttpResponse<String> refused = sud.get(SESSION + "/" + id + "/fichier");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
            .isEqualTo("Accès refusé : ce document appartient à un territoire dont vous ne faites pas partie.");
        assertThat(sud.get(SESSION + "/taches/" + nord.getId()).statusCode()).isEqualTo(404);
        assertThat(sud
            .webappApi("POST", SESSION + "/taches/" + nord.getId(), Files.multipartType(),
                    Files.multipart("intrus.pdf", "application/pdf", Files.pdf("Sud")))
            .statusCode()).isEqualTo(404);
        assertThat(sud.webappApi("DELETE", SESSION + "/" + id, null, null).statusCode()).isEqualTo(403);

        // The same session path serves Nord's own catalyst, and the file is still there.
        Browser nordBrowser = Browser.on(port);
        nordBrowser.signInToTasklist("cat2.doc-nord", PASSWORD);
        HttpResponse<String> own = nordBrowser.get(SESSION + "/" + id + "/fichier");
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(own.body()).startsWith("%PDF-");
        assertThat(nordBrowser.get("/camunda/api/catalyse/documents/" + id + "/fichier")
            .headers()
            .firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(Browser.on(port).get(SESSION + "/" + id + "/fichier").statusCode()).as("anonymous").isEqualTo(401);
    }

    @Test
    void theWebappSessionAttachesWithItsCsrfTokenAndNotWithoutIt() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte du jeton");
        Task nord = deliverable(cohort, "doc-nord");
        Browser catalyst = Browser.on(port);
        catalyst.signInToTasklist("cat1.doc-nord", PASSWORD);

        HttpResponse<String> attached = catalyst.webappApi("POST", SESSION + "/taches/" + nord.getId(),
                Files.multipartType(), Files.multipart("fiche.odt", "application/octet-stream", Files.odt()));
        assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
        assertThat(JSON.readTree(attached.body()).get("contentType").asText())
            .isEqualTo("application/vnd.oasis.opendocument.text");

        HttpResponse<String> forged = HTTP.send(HttpRequest
            .newBuilder(URI.create("http://localhost:" + port + SESSION + "/taches/" + nord.getId()))
            .header("Content-Type", Files.multipartType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(Files.multipart("x.pdf", "application/pdf", Files.pdf("x"))))
            .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).as("no session, no token").isIn(401, 403);
        assertThat(engine.getTaskService().createTaskQuery().taskId(nord.getId()).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from catalyse_document where task_id = ?", Long.class,
                nord.getId()))
            .isEqualTo(1);
    }

    // --- replace and remove
    // -----------------------------------------------------------------------

    @Test
    void onlyTheirAuthorReplacesOrRemovesAFileAndOnlyUntilTheTaskIsCompleted() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte des remplacements");
        Task nord = deliverable(cohort, "doc-nord");
        String id = JSON
            .readTree(upload("cat1.doc-nord", API + "/taches/" + nord.getId(), "v1.pdf", Files.pdf("v1")).body())
            .get("id")
            .asText();

        HttpResponse<String> notTheirs = upload("cat2.doc-nord", API + "/" + id, "v2.pdf", Files.pdf("v2"));
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(notTheirs.body()).get("message").asText())
            .isEqualTo("Vous ne pouvez remplacer ou retirer que les fichiers que vous avez déposés.");
        assertThat(delete("cat2.doc-nord", API + "/" + id).statusCode()).isEqualTo(403);

        byte[] docx = Files.docx();
        HttpResponse<String> replaced = upload("cat1.doc-nord", API + "/" + id, "v2.docx", docx);
        assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
        assertThat(JSON.readTree(replaced.body()).get("id").asText()).isEqualTo(id);
        assertThat(JSON.readTree(replaced.body()).get("sha256").asText()).isEqualTo(Documents.sha256(docx));
        assertThat(basic("cat2.doc-nord", API + "/" + id + "/fichier").body()).isEqualTo(docx);

        String second = JSON
            .readTree(upload("cat1.doc-nord", API + "/taches/" + nord.getId(), "annexe.png", Files.png()).body())
            .get("id")
            .asText();
        assertThat(delete("cat1.doc-nord", API + "/" + second).statusCode()).isEqualTo(204);
        assertThat(basic("cat1.doc-nord", API + "/" + second + "/fichier").statusCode()).isEqualTo(404);

        engine.getTaskService().complete(nord.getId(), values("deliverableSummary", "Notre fiche, jointe."));
        HttpResponse<String> late = delete("cat1.doc-nord", API + "/" + id);
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(late.body()).get("message").asText())
            .isEqualTo("La tâche est terminée : ses documents ne changent plus.");
        assertThat(upload("cat1.doc-nord", API + "/" + id, "v3.pdf", Files.pdf("v3")).statusCode()).isEqualTo(409);
        assertThat(basic("cat1.doc-nord", API + "/" + id + "/fichier").body()).isEqualTo(docx);
    }

    // --- what is accepted
    // -------------------------------------------------------------------------

    @Test
    void filesAreCheckedByTheirContentAndTheirSizeWithAFrenchReason() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte des refus");
        String task = API + "/taches/" + deliverable(cohort, "doc-nord").getId();

        HttpResponse<String> program = upload("cat1.doc-nord", task, "rapport.pdf",
                "MZ\u0090\u0000 programme".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(program.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(program.body()).get("message").asText())
            .isEqualTo("Fichier refusé : le contenu de « rapport.pdf » "
                    + "n'est pas d'un type accepté. Types acceptés : PDF, ODT, ODS, DOCX, XLSX, PPTX, PNG ou JPEG.");

        HttpResponse<String> disguised = upload("cat1.doc-nord", task, "photo.pdf", Files.png());
        assertThat(disguised.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(disguised.body()).get("message").asText())
            .startsWith("Fichier refusé : « photo.pdf » est en réalité " + "un fichier de type image PNG");

        HttpResponse<String> archive = upload("cat1.doc-nord", task, "dossier.docx",
                Files.zip(Map.of("notes.txt", "bonjour")));
        assertThat(archive.statusCode()).isEqualTo(400);

        byte[] huge = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(Files.pdf("gros"), 0, huge, 0, 20);
        HttpResponse<String> tooLarge = upload("cat1.doc-nord", task, "gros.pdf", huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(tooLarge.body()).get("message").asText())
            .isEqualTo("Fichier refusé : « gros.pdf » dépasse les 20 Mo acceptés par fichier. "
                    + "Réduisez-le (export PDF compressé, images allégées) ou découpez-le.");

        assertThat(jdbc.queryForObject("select count(*) from catalyse_document where process_instance_id = ?",
                Long.class, cohort))
            .isZero();
        assertThat(upload("cat1.doc-nord", task, "photo.png", Files.png()).statusCode()).isEqualTo(201);
    }

    // --- required documents
    // -----------------------------------------------------------------------

    @Test
    void signingTheConventionWithoutTheSignedFileIsRefusedInFrenchAndTheTaskStaysOpenThenAccepted() throws Exception {
        PartnershipScenario partnership = new PartnershipScenario(engine, access).start("Conventions signées")
            .throughMatchmaking()
            .frame(1)
            .indicators()
            .fund("accorde");
        Task signature = partnership.tasks("Task_SignAgreement").get(0);
        String signatory = engine.getTaskService()
            .getIdentityLinksForTask(signature.getId())
            .stream()
            .filter(link -> link.getGroupId() != null)
            .map(link -> engine.getIdentityService().createUserQuery().memberOfGroup(link.getGroupId()).list())
            .filter(members -> !members.isEmpty())
            .map(members -> members.get(0).getId())
            .findFirst()
            .orElseThrow();
        Map<String, Object> answers = Map.of("variables",
                Map.of("agreementSigned", Map.of("value", true, "type", "Boolean"), "signatoryName",
                        Map.of("value", "Présidence", "type", "String")));
        rest().as(signatory).post("/engine-rest/task/" + signature.getId() + "/claim", Map.of("userId", signatory));

        var refused = rest().as(signatory).post("/engine-rest/task/" + signature.getId() + "/complete", answers);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText())
            .isEqualTo("Document manquant : joignez la convention signée (PDF, ODT, "
                    + "ODS, DOCX, XLSX, PPTX, PNG ou JPEG) avec le panneau « Documents » de la tâche avant de la terminer.");
        assertThat(engine.getTaskService().createTaskQuery().taskId(signature.getId()).count()).isEqualTo(1);

        assertThat(upload(signatory, API + "/taches/" + signature.getId(), "convention.pdf", Files.pdf("signée"))
            .statusCode()).isEqualTo(201);
        var accepted = rest().as(signatory).post("/engine-rest/task/" + signature.getId() + "/complete", answers);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
        // The partnership's « Dossier » lists the signed convention.
        assertThat(okJson(basic("prog.test", API + "/instances/" + partnership.id())))
            .extracting(item -> item.get("name").asText())
            .containsExactly("convention.pdf");
    }

    @Test
    void aTaskThatExpectsNoDocumentRefusesOne() throws Exception {
        PartnershipScenario partnership = new PartnershipScenario(engine, access).start("Diagnostic sans pièce jointe");
        Task diagnostic = partnership.tasks("Task_SharedDiagnostic").get(0);
        HttpResponse<String> refused = upload(PartnershipScenario.CATALYST, API + "/taches/" + diagnostic.getId(),
                "point.pdf", Files.pdf("point"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
            .startsWith("Cette tâche n'attend pas de document");
    }

    // --- nothing outlives its history
    // -------------------------------------------------------------

    @Test
    void deletingAnInstancesHistoryDeletesItsDocumentsAndACancelledTaskTakesItsFilesWithIt() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte effacée");
        Task nord = deliverable(cohort, "doc-nord");
        Task sud = deliverable(cohort, "doc-sud");
        upload("cat1.doc-nord", API + "/taches/" + nord.getId(), "bilan.pdf", Files.pdf("Nord"));
        engine.getTaskService()
            .complete(nord.getId(), values("deliverableSummary", "Notre bilan initial, joint au livrable."));
        upload("cat1.doc-sud", API + "/taches/" + sud.getId(), "brouillon.pdf", Files.pdf("Sud"));

        engine.getRuntimeService().deleteProcessInstance(cohort, "Cohorte annulée");
        assertThat(fileNames(cohort))
            .as("the open task's draft went with it; the submitted deliverable stays with the history")
            .containsExactly("bilan.pdf");

        engine.getHistoryService().deleteHistoricProcessInstance(cohort);
        assertThat(fileNames(cohort)).isEmpty();
    }

    @Test
    void theHistoryCleanupSixYearsAfterTheEndRemovesTheDocumentsWithTheHistory() throws Exception {
        String cohort = cohortAtItsFirstDeliverables("Cohorte de 2026");
        Task nord = deliverable(cohort, "doc-nord");
        upload("cat1.doc-nord", API + "/taches/" + nord.getId(), "bilan.pdf", Files.pdf("Nord"));
        engine.getTaskService()
            .complete(nord.getId(), values("deliverableSummary", "Notre bilan initial, joint au livrable."));
        engine.getRuntimeService().deleteProcessInstance(cohort, "Cohorte close");

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(2189, ChronoUnit.DAYS)));
        cleanUpHistory();
        assertThat(fileNames(cohort)).as("five years and 364 days later").containsExactly("bilan.pdf");

        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(2, ChronoUnit.DAYS)));
        cleanUpHistory();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(cohort).count())
            .isZero();
        assertThat(fileNames(cohort)).isEmpty();
    }

    // --- the story's steps
    // ------------------------------------------------------------------------

    private void cleanUpHistory() {
        for (int round = 0; round < 20; round++) {
            Job cleanup = engine.getHistoryService().cleanUpHistoryAsync(true);
            engine.getManagementService().executeJob(cleanup.getId());
            if (engine.getHistoryService()
                .findHistoryCleanupJobs()
                .stream()
                .allMatch(job -> job.getDuedate() == null || job.getDuedate().after(ClockUtil.getCurrentTime()))) {
                return;
            }
        }
    }

    private List<String> fileNames(String processInstanceId) {
        return jdbc.queryForList(
                "select file_name from catalyse_document where process_instance_id = ? order by file_name",
                String.class, processInstanceId);
    }

    /**
     * A cohort of Nord and Sud, selected, at S1's deliverables (every other task left
     * open).
     */
    private String cohortAtItsFirstDeliverables(String name) {
        LocalDate start = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Deadlines.ZONE);
        String cohort = access
            .actingAs("prog.test",
                    () -> engine.getRuntimeService()
                        .startProcessInstanceByKey("pilot-pathway",
                                values("cohortName", name, "startDate", start.toString(), "targetTerritories", 12L,
                                        "applicationDeadline", start.plusDays(14).toString(), "sessionS1",
                                        start.plusDays(30).toString(), "sessionS2", start.plusDays(75).toString(),
                                        "sessionW", start.plusDays(120).toString(), "sessionS3",
                                        start.plusDays(180).toString(), "sessionS4", start.plusDays(240).toString())))
            .getId();
        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(cohort, this::cohortAnswers,
                () -> engine.getTaskService()
                    .createTaskQuery()
                    .processInstanceId(cohort)
                    .taskDefinitionKey("Task_SubmitDeliverable")
                    .count() == 2);
        return cohort;
    }

    private Map<String, Object> cohortAnswers(Task task) {
        String territory = (String) engine.getTaskService().getVariable(task.getId(), "territory");
        boolean ours = "doc-nord".equals(territory) || "doc-sud".equals(territory);
        return switch (task.getTaskDefinitionKey()) {
            case "Task_Apply" -> ours ? values("applying", "oui", "catalystOne", "cat1." + territory, "catalystTwo",
                    "cat2." + territory, "motivation", "Nous voulons structurer nos alliances.") : null;
            case "Task_ReviewApplications" ->
                values("selectedTerritories", FormValues.json(new ArrayList<>(List.of("doc-nord", "doc-sud"))));
            case "Task_ValidateSelection" -> values("selectionDecision", "valider");
            case "Task_PrepareSession" -> values("sessionPlace", "Nantes", "sessionAgenda", "Atelier bilan.");
            case "Task_RecordSession" -> values("sessionMinutes", "Une session riche en échanges entre pairs.");
            default -> null;
        };
    }

    private Task deliverable(String cohort, String territory) {
        return engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(cohort)
            .taskDefinitionKey("Task_SubmitDeliverable")
            .list()
            .stream()
            .filter(task -> territory.equals(engine.getTaskService().getVariable(task.getId(), "territory")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open deliverable for " + territory));
    }

    private HttpResponse<String> upload(String user, String path, String fileName, byte[] content) throws Exception {
        return HTTP.send(authorized(user, path).header("Content-Type", Files.multipartType())
            .POST(HttpRequest.BodyPublishers
                .ofByteArray(Files.multipart(fileName, "application/octet-stream", content)))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> delete(String user, String path) throws Exception {
        return HTTP.send(authorized(user, path).DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> basic(String user, String path) throws Exception {
        return HTTP.send(authorized(user, path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder authorized(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode okJson(HttpResponse<byte[]> response) throws IOException {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return JSON.readTree(response.body());
    }

}
