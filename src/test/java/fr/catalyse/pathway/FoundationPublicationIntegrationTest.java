package fr.catalyse.pathway;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.ProcessDriver;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.documents.DocumentLibrary;
import fr.catalyse.notification.Mailbox;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The validated socle commun is published as a French PDF, stored as a document of the
 * cohort, linked from the publication email (never attached) and downloadable by the
 * cohort's participants only.
 */
class FoundationPublicationIntegrationTest extends IntegrationTestSupport {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    DocumentLibrary documents;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void theValidatedFoundationIsPublishedAsAFrenchPdfLinkedFromTheEmailAndReadByTheCohortOnly() throws Exception {
        registerTestDirectory();
        String name = "Publication " + UUID.randomUUID().toString().substring(0, 8);
        ProcessInstance cohort = CohortScenario.launch(engine, access, name,
                LocalDate.now(fr.catalyse.platform.Deadlines.ZONE));
        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(cohort.getId(), task -> CohortScenario.p01Throughout(engine, task),
                () -> driver.ended(cohort.getId()));

        String id = documents.latest(cohort.getId(), DocumentLibrary.FOUNDATION).orElseThrow();
        byte[] pdf = documents.content(id).orElseThrow();
        try (PDDocument read = Loader.loadPDF(pdf)) {
            assertThat(read.getDocumentInformation().getTitle()).isEqualTo("Socle commun du parcours « " + name + " »");
            String text = new PDFTextStripper().getText(read).replaceAll("\\s+", " ");
            assertThat(text).contains("Socle commun du parcours « " + name + " »", "Version 1 — publiée le ",
                    "Par dimension de la co-construction", "Dispositif", "Par forme d'ingénierie",
                    "Ingénierie relationnelle (catalyse)",
                    "Enseignement — Un tiers de confiance rend l'alliance possible.",
                    "Territoires contributeurs Territoire pilote p01");
            assertThat(text.indexOf("Un tiers de confiance")).as("once by dimension")
                .isLessThan(text.lastIndexOf("Un tiers de confiance"));
            assertThat(text).doesNotContain("Territoire pilote p02");
        }

        sendQueuedEmails();
        Mailbox.Mail published = new Mailbox(smtp).to("cat1@p01.test", name)
            .stream()
            .filter(mail -> mail.subject().contains("est publié"))
            .findFirst()
            .orElseThrow();
        assertThat(published.body()).contains("https://catalyse.test/documents/" + id).doesNotContain("%PDF");

        HttpResponse<byte[]> participant = download("cat1.p01", id);
        assertThat(participant.statusCode()).isEqualTo(200);
        assertThat(participant.body()).isEqualTo(pdf);
        assertThat(participant.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
            .contains("socle-commun-v1.pdf");
        assertThat(download("comite.test", id).statusCode()).isEqualTo(200);
        assertThat(download("cat1.p02", id).statusCode()).as("a territory outside the cohort's selection")
            .isEqualTo(403);

        HttpResponse<String> link = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/documents/" + id)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(link.statusCode()).isEqualTo(302);
        assertThat(link.headers().firstValue("Location").orElseThrow())
            .endsWith("/connexion?retour=%2Fdocuments%2F" + id);
    }

    private HttpResponse<byte[]> download(String user, String id) throws Exception {
        return HTTP
            .send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/documents/" + id + "/fichier"))
                .header("Authorization",
                        "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
    }

}
