package fr.catalyse.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.access.PasswordLinks;
import fr.catalyse.notification.NoticeJobs;
import fr.catalyse.notification.NotificationRecordRepository;
import fr.catalyse.notification.NotificationStatus;
import fr.catalyse.platform.InvalidInputException;
import fr.catalyse.territory.DirectoryCsv;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * People over time, on PostgreSQL and over HTTP with each actor's own credentials: a
 * departure and its every effect, a return, a successor, the export of a person's data
 * and their erasure. Each test has its own territory and people, so that tests sharing
 * the database do not see each other's departures.
 */
class PeopleIntegrationTest extends IntegrationTestSupport {

    static final String PROGRAMME = "prog.test";

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    fr.catalyse.access.AccessDirectory access;

    @Autowired
    PasswordLinks passwordLinks;

    @Autowired
    NoticeJobs noticeJobs;

    @Autowired
    NotificationRecordRepository records;

    /**
     * A territory of its own: two catalysts (the first in a binôme), an association and
     * its contact.
     */
    record Cast(String territory, String catalyst, String secondCatalyst, String contact, String catalystName,
            String catalystEmail) {
    }

    private static int next = 0;

    @BeforeEach
    void directory() {
        registerTestDirectory();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private Cast cast() {
        String code = "pe" + System.nanoTime() % 1_000_000 + (next++);
        Cast cast = new Cast(code, "zq." + code, "oo." + code, "uu." + code, "Zéphyrine Quenouille" + code.substring(2),
                "zephyrine.quenouille@" + code + ".test");
        String csv = "territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role\n"
                + code + ";Territoire " + code + ";;;;" + cast.catalyst() + ";Zéphyrine;Quenouille" + code.substring(2)
                + ";" + cast.catalystEmail() + ";catalyseur\n" + code + ";Territoire " + code + ";;;;"
                + cast.secondCatalyst() + ";Octave;Orme;octave@" + code + ".test;catalyseur\n" + code + ";Territoire "
                + code + ";asso-" + code + ";Association " + code + ";association;" + cast.contact()
                + ";Ursule;Ulmet;ursule@" + code + ".test;association\n";
        try {
            DirectoryCsv.Result read = DirectoryCsv.read(new StringReader(csv));
            assertThat(read.errors()).isEmpty();
            directory.register(read.entries(), person -> PASSWORD);
        }
        catch (java.io.IOException impossible) {
            throw new AssertionError(impossible);
        }
        return cast;
    }

    private String startPartnership(Cast cast) {
        var started = rest().as(cast.catalyst())
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start",
                    Map.of("variables", Map.of("partnershipName", text("Jardins de " + cast.territory()), "territory",
                            text(cast.territory()), "partnershipKind", text("pratiques-responsables"), "objectives",
                            json("[\"qualite-de-vie\"]"), "fragilities", json("[\"lien-social\"]"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        return started.json().get("id").asText();
    }

    private Task openTask(String instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    }

    private long binomeIn(Cast cast) {
        Long cohort = jdbc
            .queryForObject("insert into cohort (name, start_date, target_territories, application_deadline, status, "
                    + "created_at) values (?, current_date, 12, current_date, 'RUNNING', current_timestamp) returning id",
                    Long.class, "Parcours " + cast.territory());
        Long territory = jdbc.queryForObject("select id from territory where code = ?", Long.class, cast.territory());
        return jdbc.queryForObject(
                "insert into participation (cohort_id, territory_id, status, catalyst_one, catalyst_two) "
                        + "values (?, ?, 'SELECTED', ?, ?) returning id",
                Long.class, cohort, territory, cast.catalyst(), cast.secondCatalyst());
    }

    @Test
    void aDepartedCatalystCanNoLongerSignInHerTaskGoesBackToHerGroupAndEveryoneConcernedIsTold() throws Exception {
        Cast cast = cast();
        String instance = startPartnership(cast);
        assertThat(openTask(instance).getAssignee()).isEqualTo(cast.catalyst());
        long binome = binomeIn(cast);
        String link = passwordLinks.issue(cast.catalyst(), PasswordLinks.RESET);
        String token = link.substring(link.indexOf("jeton=") + 6);
        // An email queued for her before she leaves: her welcome again.
        rest().as(PROGRAMME).post("/api/participants/" + cast.catalyst() + "/invitation", Map.of());
        Browser signedIn = Browser.on(port).signIn(cast.catalyst(), PASSWORD);
        assertThat(signedIn.get("/preferences").statusCode()).isEqualTo(200);
        // An email kept for her weekly digest.
        jdbc.update(
                "insert into notification (idempotency_key, kind, recipient_user, recipient_email, subject, preference_kind, "
                        + "status, attempts, created_at) values (?, 'REMINDER', ?, ?, 'Rappel', 'RAPPELS', 'DEFERRED', 0, current_timestamp)",
                "test:digest:" + cast.catalyst(), cast.catalyst(), cast.catalystEmail());

        var answer = rest().as(PROGRAMME)
            .post("/api/personnes/" + cast.catalyst() + "/desactivation", Map.of("motif", "Changement de poste"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("tachesReattribuees")).hasSize(1);
        assertThat(answer.json().get("binomesSignales")).hasSize(1);

        // Her task goes back to the territory's catalysts, unassigned.
        Task task = openTask(instance);
        assertThat(task.getAssignee()).isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(task.getId()))
            .anyMatch(identityLink -> ("catalyseurs." + cast.territory()).equals(identityLink.getGroupId()));
        // The partnership's next tasks are no longer hers.
        assertThat(engine.getRuntimeService().getVariable(instance, "catalyst")).isNull();
        assertThat(jdbc.queryForObject("select catalyst_user_id from partnership where process_instance_id = ?",
                String.class, instance))
            .isNull();
        // She left every group and tenant; what she had is remembered.
        assertThat(engine.getIdentityService().createGroupQuery().groupMember(cast.catalyst()).count()).isZero();
        assertThat(engine.getIdentityService().createTenantQuery().userMember(cast.catalyst()).count()).isZero();

        // No path signs her in any more.
        assertThat(rest().as(cast.catalyst()).get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(rest().as(cast.catalyst()).get("/api/preferences").status()).isEqualTo(401);
        assertThat(engine.getIdentityService().checkPassword(cast.catalyst(), PASSWORD)).isFalse();
        assertThatThrownBy(() -> Browser.on(port).signIn(cast.catalyst(), PASSWORD)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Browser.on(port).signInToWebapp("tasklist", cast.catalyst(), PASSWORD))
            .isInstanceOf(AssertionError.class);
        assertThat(signedIn.get("/preferences").statusCode()).as("her open session ends").isEqualTo(302);
        assertThat(records.findByIdempotencyKey("test:digest:" + cast.catalyst()).orElseThrow().getStatus())
            .as("kept for her digest")
            .isEqualTo(NotificationStatus.WITHHELD);
        assertThatThrownBy(() -> passwordLinks.accountOf(token)).isInstanceOf(InvalidInputException.class);

        // The queued emails: the other catalyst is told the task is his to take; the
        // programme team of the binôme;
        // nothing reaches her.
        sendQueuedEmails();
        assertThat(to(cast.catalystEmail())).isEmpty();
        assertThat(records.findByRecipientUserOrderByCreatedAt(cast.catalyst()))
            .extracting(record -> record.getStatus())
            .contains(NotificationStatus.WITHHELD)
            .doesNotContain(NotificationStatus.SENT);
        assertThat(subjects("octave@" + cast.territory() + ".test"))
            .anyMatch(subject -> subject.startsWith("Tâche à reprendre"));
        assertThat(subjects("prog.test@catalyse.test")).contains("Binôme incomplet : Territoire " + cast.territory());
        var departures = rest().as(PROGRAMME).get("/api/personnes/departs");
        assertThat(departures.json().get("binomesIncomplets").findValuesAsText("participationId"))
            .contains(String.valueOf(binome));

        // The record of processing says who did it.
        var journal = rest().as(PROGRAMME).get("/api/personnes/journal").json();
        assertThat(journal.findValues("subject").stream().map(node -> node.asText())).contains(cast.catalyst());
        assertThat(journal.toString()).contains("DESACTIVATION", PROGRAMME);

        // Back: her groups and tenant are restored and she signs in again.
        var back = rest().as(PROGRAMME).post("/api/personnes/" + cast.catalyst() + "/reactivation", Map.of());
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(engine.getIdentityService().createGroupQuery().groupMember(cast.catalyst()).list())
            .extracting(Group::getId)
            .contains("catalyseurs", "catalyseurs." + cast.territory());
        assertThat(rest().as(cast.catalyst()).get("/engine-rest/task").status()).isEqualTo(200);
        assertThat(rest().as(PROGRAMME).post("/api/personnes/" + cast.catalyst() + "/reactivation", Map.of()).status())
            .isEqualTo(409);
    }

    @Test
    void aSuccessorTakesOverTheOpenTasksTheBinomeAndThePartnershipInOneOperation() {
        Cast cast = cast();
        String instance = startPartnership(cast);
        long binome = binomeIn(cast);

        var refused = rest().as(PROGRAMME)
            .post("/api/personnes/" + cast.catalyst() + "/succession", Map.of("successeur", cast.contact()));
        assertThat(refused.status()).as("a successor of another role").isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("même rôle");
        assertThat(rest().as(cast.catalyst())
            .post("/api/personnes/" + cast.catalyst() + "/succession", Map.of("successeur", cast.secondCatalyst()))
            .status()).as("a catalyst may not hand over").isEqualTo(403);

        var answer = rest().as(PROGRAMME)
            .post("/api/personnes/" + cast.catalyst() + "/succession", Map.of("successeur", cast.secondCatalyst()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(openTask(instance).getAssignee()).isEqualTo(cast.secondCatalyst());
        assertThat(engine.getRuntimeService().getVariable(instance, "catalyst")).isEqualTo(cast.secondCatalyst());
        assertThat(jdbc.queryForObject("select catalyst_user_id from partnership where process_instance_id = ?",
                String.class, instance))
            .isEqualTo(cast.secondCatalyst());
        assertThat(
                jdbc.queryForMap("select catalyst_one, catalyst_two from participation where id = ?", binome).values())
            .containsExactly(cast.secondCatalyst(), cast.secondCatalyst());
        // The successor works on the task at once, over HTTP.
        String task = openTask(instance).getId();
        var completed = rest().as(cast.secondCatalyst())
            .post("/engine-rest/task/" + task + "/complete",
                    Map.of("variables", Map.of("fragilities", json("[\"lien-social\"]"), "territoryAssets",
                            text("Des friches et des habitants motivés."), "keyActors", text("La mairie."))));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(204);
        assertThat(openTask(instance).getAssignee()).as("the next task is the successor's too")
            .isEqualTo(cast.secondCatalyst());
    }

    @Test
    void aDeactivationWithASuccessorGivesHimTheTasksAndTheBinomeAndFlagsNothing() {
        Cast cast = cast();
        String instance = startPartnership(cast);
        long binome = binomeIn(cast);
        var answer = rest().as(PROGRAMME)
            .post("/api/personnes/" + cast.catalyst() + "/desactivation", Map.of("successeur", cast.secondCatalyst()));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("binomesSignales")).isEmpty();
        assertThat(openTask(instance).getAssignee()).isEqualTo(cast.secondCatalyst());
        assertThat(engine.getRuntimeService().getVariable(instance, "catalyst")).isEqualTo(cast.secondCatalyst());
        assertThat(jdbc.queryForObject("select catalyst_one from participation where id = ?", String.class, binome))
            .isEqualTo(cast.secondCatalyst());
        assertThat(rest().as(PROGRAMME).get("/api/personnes/departs").body())
            .doesNotContain("\"participationId\":" + binome + ",");
        var departed = rest().as(PROGRAMME)
            .post("/api/personnes/" + cast.secondCatalyst() + "/desactivation", Map.of("successeur", cast.catalyst()));
        assertThat(departed.status()).as("a successor who left").isEqualTo(400);
    }

    @Test
    void aCatalystDeactivatesTheContactsOfHerTerritoryOnlyAndAnonymousCallersAreAskedToSignIn() {
        Cast cast = cast();
        Cast other = cast();
        assertThat(rest().post("/api/personnes/" + cast.contact() + "/desactivation", Map.of()).status())
            .isEqualTo(401);
        assertThat(rest().as(other.catalyst())
            .post("/api/personnes/" + cast.contact() + "/desactivation", Map.of())
            .status()).as("another territory's catalyst").isEqualTo(403);
        assertThat(rest().as(cast.catalyst())
            .post("/api/personnes/" + cast.secondCatalyst() + "/desactivation", Map.of())
            .status()).as("a catalyst deactivating another catalyst").isEqualTo(403);
        assertThat(rest().as(cast.contact()).get("/api/personnes/departs").status()).isEqualTo(403);
        var otherOrganisation = rest().as(PROGRAMME)
            .post("/api/personnes/" + cast.contact() + "/succession", Map.of("successeur", other.contact()));
        assertThat(otherOrganisation.status()).as(otherOrganisation.toString()).isEqualTo(400);
        assertThat(otherOrganisation.json().get("message").asText()).contains("même organisation");
        assertThat(rest().as(PROGRAMME).post("/api/personnes/admin/desactivation", Map.of()).status())
            .as("the operator's account is outside the programme's directory")
            .isEqualTo(404);

        var done = rest().as(cast.catalyst()).post("/api/personnes/" + cast.contact() + "/desactivation", Map.of());
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(rest().as(cast.contact()).get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(rest().as(cast.catalyst())
            .post("/api/personnes/" + cast.contact() + "/desactivation", Map.of())
            .status()).as("twice").isEqualTo(409);
        assertThat(rest().as(cast.catalyst())
            .post("/api/personnes/" + cast.contact() + "/reactivation", Map.of())
            .status()).isEqualTo(200);
        assertThat(rest().as(cast.contact()).get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void aCatalystWhoLeftIsNoLongerOfferedForTheBinomeOfTheNextCohortButHerColleagueIs() {
        Cast cast = cast();
        assertThat(rest().as(PROGRAMME).post("/api/personnes/" + cast.catalyst() + "/desactivation", Map.of()).status())
            .isEqualTo(200);

        var cohort = fr.catalyse.pathway.CohortScenario.launch(engine, access,
                "Cohorte après un départ " + cast.territory(), java.time.LocalDate.now());
        Task apply = engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(cohort.getId())
            .taskDefinitionKey("Task_Apply")
            .list()
            .stream()
            .filter(task -> cast.territory().equals(engine.getTaskService().getVariable(task.getId(), "territory")))
            .findFirst()
            .orElseThrow();
        String offered = String.valueOf(engine.getTaskService().getVariable(apply.getId(), "territoryCatalysts"));
        assertThat(offered).contains(cast.secondCatalyst()).doesNotContain(cast.catalyst());
        engine.getRuntimeService().deleteProcessInstance(cohort.getId(), "fin du test");
    }

    @Test
    void theExportHoldsTheDirectoryEntryRolesPreferencesEmailsTasksValuesAndOperationsAndOnlyTheRightPeopleGetIt()
            throws Exception {
        Cast cast = cast();
        String instance = startPartnership(cast);
        String task = openTask(instance).getId();
        assertThat(rest().as(cast.catalyst())
            .post("/engine-rest/task/" + task + "/complete",
                    Map.of("variables",
                            Map.of("fragilities", json("[\"lien-social\"]"), "territoryAssets",
                                    text("Une halle couverte inoccupée."), "keyActors", text("La mairie."))))
            .status()).isEqualTo(204);
        rest().as(PROGRAMME).post("/api/participants/" + cast.catalyst() + "/invitation", Map.of());
        sendQueuedEmails();
        uploadedBy(cast.catalyst(), instance, "diagnostic-" + cast.territory() + ".pdf");

        assertThat(download("/api/personnes/" + cast.catalyst() + "/export", null).statusCode()).isEqualTo(401);
        assertThat(download("/api/personnes/" + cast.catalyst() + "/export", cast.contact()).statusCode())
            .isEqualTo(403);
        assertThat(download("/api/personnes/" + cast.catalyst() + "/export", other()).statusCode()).isEqualTo(403);

        Map<String, String> files = unzip(download("/api/personnes/" + cast.catalyst() + "/export", PROGRAMME).body());
        assertThat(files).containsKeys("LISEZMOI.txt", "annuaire.json", "annuaire.csv",
                "roles-groupes-territoires.json", "preferences-de-notification.json", "courriels.json", "courriels.csv",
                "taches-terminees.json", "valeurs-saisies.json", "journal-des-operations.json");
        assertThat(files.get("annuaire.json")).contains(cast.catalystEmail(), "Zéphyrine");
        assertThat(files.get("roles-groupes-territoires.json")).contains("catalyseurs." + cast.territory());
        assertThat(files.get("courriels.csv")).contains("Bienvenue");
        assertThat(files.get("taches-terminees.json")).contains("Établir le diagnostic partagé du territoire");
        assertThat(files.get("valeurs-saisies.json")).contains("Une halle couverte inoccupée.");
        assertThat(files.get("journal-des-operations.json")).contains("EXPORT", PROGRAMME);
        assertThat(files.get("documents-deposes.csv")).contains("diagnostic-" + cast.territory() + ".pdf",
                "application/pdf");

        // Her own, from her account (the preferences page links to it).
        Map<String, String> mine = unzip(download("/api/personnes/moi/export", cast.catalyst()).body());
        assertThat(mine.get("annuaire.json")).contains(cast.catalystEmail());
        Browser browser = Browser.on(port).signIn(cast.catalyst(), PASSWORD);
        assertThat(browser.get("/preferences").body()).contains("/preferences/mes-donnees");
        HttpResponse<String> page = browser.post("/preferences/mes-donnees", Map.of());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        assertThat(rest().as(PROGRAMME).get("/api/personnes/journal").body())
            .contains("Export demandé par la personne");
    }

    @Test
    void theImportMarksPeopleAsGoneWithItsStatusColumnAndLeavesThoseMissingFromTheFileUntouched() {
        Cast cast = cast();
        long groupsBefore = engine.getIdentityService().createGroupQuery().groupMember(cast.catalyst()).count();
        String header = "territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role;statut\n";
        String file = header + ";;;;;" + cast.contact() + ";;;;;parti\n" + cast.territory() + ";Territoire "
                + cast.territory() + ";;;;" + cast.secondCatalyst() + ";Octave;Orme;octave@" + cast.territory()
                + ".test;catalyseur;\n";

        var unknown = rest().as(PROGRAMME)
            .send("/api/participants/import", "text/csv", HttpRequest.BodyPublishers
                .ofString(header + ";;;;;personne.inconnue;;;;;parti\n" + ";;;;;" + cast.contact() + ";;;;;parti\n"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("personne.inconnue");
        assertThat(rest().as(cast.contact()).get("/engine-rest/task").status()).as("nothing applied").isEqualTo(200);
        assertThat(rest().as(cast.contact()).post("/api/participants/import", Map.of()).status()).isIn(403, 415);

        var imported = rest().as(PROGRAMME)
            .send("/api/participants/import", "text/csv", HttpRequest.BodyPublishers.ofString(file));
        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("departed").get(0).asText()).isEqualTo(cast.contact());
        assertThat(rest().as(cast.contact()).get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(rest().as(PROGRAMME).get("/api/personnes/journal").body())
            .contains("Marqué(e) parti(e) par un import");

        // The first catalyst is not in the file: she is neither deleted nor deactivated,
        // and keeps her groups.
        assertThat(rest().as(cast.catalyst()).get("/engine-rest/task").status()).isEqualTo(200);
        assertThat(engine.getIdentityService().createGroupQuery().groupMember(cast.catalyst()).count())
            .isEqualTo(groupsBefore);
        assertThat(jdbc.queryForObject("select count(*) from participant where user_id = ?", Integer.class,
                cast.catalyst()))
            .isEqualTo(1);
        // The same file again changes nothing more.
        assertThat(rest().as(PROGRAMME)
            .send("/api/participants/import", "text/csv", HttpRequest.BodyPublishers.ofString(file))
            .status()).isEqualTo(200);
    }

    @Test
    void theProgrammeTeamsPeoplePageDeactivatesThroughItsFormAndRefusesOtherRolesAndOtherSites() {
        Cast cast = cast();
        Browser outsider = Browser.on(port);
        assertThat(outsider.get("/personnes").statusCode()).as("not signed in").isEqualTo(302);
        Browser catalyst = Browser.on(port).signIn(cast.catalyst(), PASSWORD);
        var refused = catalyst.get("/personnes");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("Accès refusé", "Accès réservé : Équipe programme")
            .doesNotContain("\"type\"");

        Browser programme = Browser.on(port).signIn(PROGRAMME, PASSWORD);
        assertThat(programme.get("/personnes").body()).contains("Binômes à compléter", "Registre des opérations");
        var forged = programme.post("/personnes", Map.of("action", "desactiver", "identifiant", cast.contact()),
                Map.of("Origin", "https://ailleurs.exemple"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(rest().as(cast.contact()).get("/engine-rest/task").status()).isEqualTo(200);

        var done = programme.post("/personnes",
                Map.of("action", "desactiver", "identifiant", cast.contact(), "motif", "Départ"));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains(cast.contact() + " est désactivé(e)");
        assertThat(rest().as(cast.contact()).get("/engine-rest/task").status()).isEqualTo(401);
        var again = programme.post("/personnes", Map.of("action", "desactiver", "identifiant", cast.contact()));
        assertThat(again.body()).contains("est déjà désactivé(e)");
    }

    private String other() {
        return cast().catalyst();
    }

    @Test
    void afterTheRetentionPeriodErasureLeavesNoTraceInAnyTableAndTheObservatoryFiguresDoNotMove() throws Exception {
        Cast cast = cast();
        String instance = startPartnership(cast);
        String task = openTask(instance).getId();
        engine.getTaskService()
            .createComment(task, instance,
                    "Point fait avec " + cast.catalystName() + " (" + cast.catalystEmail() + ")");
        assertThat(
                rest().as(cast.catalyst())
                    .post("/engine-rest/task/" + task + "/complete",
                            Map.of("variables", Map.of("fragilities", json("[\"lien-social\"]"), "territoryAssets",
                                    text("Contact : " + cast.catalystEmail()), "keyActors", text("La mairie."))))
                    .status())
            .isEqualTo(204);
        binomeIn(cast);
        String document = uploadedBy(cast.catalyst(), instance, "carte-des-acteurs.pdf");
        rest().as(PROGRAMME).post("/api/participants/" + cast.catalyst() + "/invitation", Map.of());
        sendQueuedEmails();
        assertThat(rest().as(PROGRAMME).post("/api/personnes/" + cast.catalyst() + "/desactivation", Map.of()).status())
            .isEqualTo(200);
        sendQueuedEmails();
        assertThat(whereFound(cast)).as("the person is in the database before erasure").isNotEmpty();

        var early = rest().as(PROGRAMME).post("/api/personnes/" + cast.catalyst() + "/effacement", Map.of());
        assertThat(early.status()).as("within the retention period").isEqualTo(409);
        assertThat(early.json().get("message").asText()).contains("durée de conservation");

        ClockUtil.setCurrentTime(new java.util.Date(System.currentTimeMillis() + 37L * 31 * 24 * 3600 * 1000));
        String before = observatory();
        assertThat(rest().as(cast.secondCatalyst())
            .post("/api/personnes/" + cast.catalyst() + "/effacement", Map.of())
            .status()).isEqualTo(403);
        var erased = rest().as(PROGRAMME).post("/api/personnes/" + cast.catalyst() + "/effacement", Map.of());
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        String pseudonym = erased.json().get("personne").asText();

        assertThat(whereFound(cast)).as("every text column of every table").isEmpty();
        assertThat(observatory()).isEqualTo(before);
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskAssignee(pseudonym).count())
            .isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().startedBy(pseudonym).count())
            .isEqualTo(1);
        assertThat(rest().as(PROGRAMME).get("/api/personnes/journal").body()).contains("EFFACEMENT", pseudonym);
        assertThat(
                jdbc.queryForObject("select uploaded_by from catalyse_document where id = ?", String.class, document))
            .as("the file stays a programme record, its uploader a pseudonym")
            .isEqualTo(pseudonym);
        assertThat(rest().as(PROGRAMME).post("/api/personnes/" + pseudonym + "/reactivation", Map.of()).status())
            .isEqualTo(409);
    }

    /**
     * A document of the instance uploaded by the person, as the documents module stores
     * it.
     */
    private String uploadedBy(String userId, String instance, String fileName) {
        String id = java.util.UUID.randomUUID().toString();
        jdbc.update(
                "insert into catalyse_document (id, process_instance_id, kind, file_name, content_type, size_bytes, sha256, "
                        + "uploaded_by, uploaded_at, content) values (?, ?, 'TASK', ?, 'application/pdf', 9, ?, ?, current_timestamp, ?)",
                id, instance, fileName, "0".repeat(64), userId,
                "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return id;
    }

    /** The observatory's figures, as the programme team reads them. */
    private String observatory() {
        var partnerships = rest().as(PROGRAMME).get("/api/observatoire/partenariats");
        var indicators = rest().as(PROGRAMME).get("/api/observatoire/indicateurs");
        var cohorts = rest().as(PROGRAMME).get("/api/observatoire/cohortes");
        assertThat(partnerships.status()).isEqualTo(200);
        assertThat(indicators.status()).isEqualTo(200);
        assertThat(cohorts.status()).isEqualTo(200);
        return partnerships.body() + indicators.body() + cohorts.body();
    }

    /**
     * table.column of every text value (and text held as bytes) that holds the person's
     * id, name or address.
     */
    private List<String> whereFound(Cast cast) {
        List<String> found = new java.util.ArrayList<>();
        List<String> needles = List.of(cast.catalyst(), cast.catalystEmail(), cast.catalystName(),
                "Quenouille" + cast.territory().substring(2));
        for (Map<String, Object> column : jdbc
            .queryForList("select table_name, column_name, data_type from information_schema.columns "
                    + "where table_schema = current_schema() and (data_type like '%char%' or data_type = 'text' or data_type = 'bytea')")) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String value = "bytea".equals(column.get("data_type")) ? "convert_from(\"" + name + "\", 'UTF8')"
                    : "\"" + name + "\"";
            for (String needle : needles) {
                try {
                    Integer count = jdbc.queryForObject(
                            "select count(*) from \"" + table + "\" where lower(" + value + ") like ?", Integer.class,
                            "%" + needle.toLowerCase() + "%");
                    if (count != null && count > 0) {
                        found.add(table + "." + name + " ~ " + needle);
                    }
                }
                catch (org.springframework.dao.DataAccessException notText) {
                    // a binary value that is not UTF-8 text (a serialized object):
                    // searched as text below
                    Integer count = jdbc.queryForObject("select count(*) from \"" + table
                            + "\" where position(convert_to(?, 'UTF8') in \"" + name + "\") > 0", Integer.class,
                            needle);
                    if (count != null && count > 0) {
                        found.add(table + "." + name + " ~ " + needle);
                    }
                }
            }
        }
        return found;
    }

    private List<String> subjects(String address) throws Exception {
        List<String> subjects = new java.util.ArrayList<>();
        for (MimeMessage message : to(address)) {
            subjects.add(message.getSubject());
        }
        return subjects;
    }

    private List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> to.toString().contains(address));
            }
            catch (jakarta.mail.MessagingException unreadable) {
                return false;
            }
        }).toList();
    }

    private HttpResponse<byte[]> download(String path, String userId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (userId != null) {
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString((userId + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, String> unzip(byte[] zip) throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

}
