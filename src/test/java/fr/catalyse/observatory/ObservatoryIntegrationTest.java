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
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The observatory over HTTP on PostgreSQL, on records and tasks driven through the real
 * models to known states, in two territories of its own (obs-nord, obs-sud) so that other
 * tests' data cannot change the figures: a governance dialogue taken past month 36 and
 * extended, a partnership evaluated and stopped, one left unfunded, one whose first task
 * is late, a cohort where Nord hands in on time and Sud is late. The engine clock is
 * moved forward as the story goes, and kept at its end while the pages are read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservatoryIntegrationTest extends IntegrationTestSupport {

    static final String PLUGIN = "/camunda/api/cockpit/plugin/catalyse-observatoire/default";
    static final String API = "/api/observatoire";
    static final String NORD_CATALYST = "cat1.obs-nord";
    static final String SUD_CATALYST = "cat1.obs-sud";
    static final String NORD_ASSOCIATION = "asso.obs-nord";
    static final String LATE_NAME = "=Tiers-lieu du Nord";

    static final String DIRECTORY = """
            territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role
            obs-nord;Observatoire Nord;;;;cat1.obs-nord;Nora;Nordin;cat1@obs-nord.test;catalyseur
            obs-nord;Observatoire Nord;;;;cat2.obs-nord;Noé;Nordin;cat2@obs-nord.test;catalyseur
            obs-nord;Observatoire Nord;mairie-obs-nord;Mairie du Nord;collectivite;elu.obs-nord;Nadia;Nord;elu@obs-nord.test;collectivite
            obs-nord;Observatoire Nord;asso-obs-nord;Association du Nord;association;asso.obs-nord;Nils;Nord;asso@obs-nord.test;association
            obs-nord;Observatoire Nord;entreprise-obs-nord;Entreprise du Nord;entreprise;ent.obs-nord;Noah;Nord;ent@obs-nord.test;entreprise
            obs-nord;Observatoire Nord;fonds-obs-nord;Fonds du Nord;financeur;fin.obs-nord;Nina;Nord;fin@obs-nord.test;financeur
            obs-sud;Observatoire Sud;;;;cat1.obs-sud;Sacha;Sudre;cat1@obs-sud.test;catalyseur
            obs-sud;Observatoire Sud;;;;cat2.obs-sud;Sami;Sudre;cat2@obs-sud.test;catalyseur
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    JdbcTemplate jdbc;

    String nordDialogue;

    String sudDialogue;

    Instant dialoguesStarted;

    PartnershipScenario evaluated;

    PartnershipScenario unfunded;

    PartnershipScenario lateStart;

    PartnershipScenario sud;

    String cohortInstance;

    long cohortId;

    int nordMonthsDone;

    Instant s1Due;

    Instant s2Due;

    Instant end;

    @BeforeAll
    void driveTheProgrammeToKnownStates() throws IOException {
        registerTestDirectory();
        DirectoryCsv.Result result = DirectoryCsv.read(new StringReader(DIRECTORY));
        assertThat(result.errors()).isEmpty();
        directory.register(result.entries(), person -> PASSWORD);
        ClockUtil.setCurrentTime(new Date());

        // Governance dialogues: Nord is followed up to its final review at month 36,
        // extended, and waits for the
        // first review of its extension; Sud never had its initial interview.
        dialoguesStarted = ClockUtil.getCurrentTime().toInstant();
        nordDialogue = startDialogue("obs-nord", "Gouvernance des alliances du Nord");
        sudDialogue = startDialogue("obs-sud", "Gouvernance des alliances du Sud");
        ProcessDriver driver = new ProcessDriver(engine);
        driver.run(nordDialogue, this::reviews, () -> driver.waitsAt(nordDialogue, "Task_FinalReview"));
        complete(nordDialogue, "Task_FinalReview",
                values("finalAssessment", "Un dialogue mûr et constructif.", "dialogueDecision", "prolonger"));
        driver.run(nordDialogue, task -> null, () -> driver.waitsAt(nordDialogue, "Task_QuarterlyReview"));

        // Partnerships of Nord: one evaluated and stopped (answers to its matches after
        // two days, one indicator entry
        // on time), one unfunded (answers after four days), one that stays at its
        // diagnostic; one in Sud.
        evaluated = nord().start("Covoiturage du Nord")
            .dialogue()
            .stateNeeds()
            .propose("asso-obs-nord", "entreprise-obs-nord");
        later(ChronoUnit.DAYS, 2);
        evaluated.answer("asso-obs-nord", "accepter")
            .answer("entreprise-obs-nord", "decliner")
            .frame(1)
            .indicators()
            .fund("accorde")
            .signAll()
            .planSupport();
        evaluated.fire(evaluated.timer("StartEvent_MonthStarted"));
        Task sheet = evaluated.task("Task_EnterIndicators");
        List<Map<String, Object>> lines = FormValues
            .entries(engine.getTaskService().getVariable(sheet.getId(), "measurements"));
        lines.get(0).put("value", 180);
        evaluated.complete("Task_EnterIndicators", values("measurements", FormValues.json(lines)));
        evaluated.fire(evaluated.timer("Timer_SupportPeriodOver")).evaluateByPartners().decide("arreter", null);

        unfunded = nord().start("Fonds de soutien du Nord")
            .dialogue()
            .stateNeeds()
            .propose("asso-obs-nord", "entreprise-obs-nord");
        later(ChronoUnit.DAYS, 4);
        unfunded.answer("asso-obs-nord", "accepter")
            .answer("entreprise-obs-nord", "decliner")
            .frame(1)
            .indicators()
            .fund("refuse");

        lateStart = nord().start(LATE_NAME, "mecenat");
        sud = new PartnershipScenario(engine, access, "obs-sud", SUD_CATALYST, null, null).start("Solidarités du Sud");

        // The cohort: Nord and Sud apply and are selected; S1 in from Nord on time and
        // from Sud three days late;
        // S2 in from Nord on time and still expected from Sud ten days after its due
        // date.
        LocalDate start = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Deadlines.ZONE);
        cohortInstance = access
            .actingAs("prog.test",
                    () -> engine.getRuntimeService()
                        .startProcessInstanceByKey("pilot-pathway", values("cohortName", "Cohorte de l'Observatoire",
                                "startDate", start.toString(), "targetTerritories", 12L, "applicationDeadline",
                                start.plusDays(14).toString(), "sessionS1", start.plusDays(30).toString(), "sessionS2",
                                start.plusDays(75).toString(), "sessionW", start.plusDays(120).toString(), "sessionS3",
                                start.plusDays(180).toString(), "sessionS4", start.plusDays(240).toString())))
            .getId();
        cohortId = jdbc.queryForObject("select id from cohort where process_instance_id = ?", Long.class,
                cohortInstance);
        driver.run(cohortInstance, this::cohortAnswers, () -> deliverableTasks().size() == 2);
        s1Due = deliverableTask("obs-nord").getDueDate().toInstant();
        submit(deliverableTask("obs-nord"));
        ClockUtil.setCurrentTime(Date.from(s1Due.plus(3, ChronoUnit.DAYS).plus(1, ChronoUnit.HOURS)));
        submit(deliverableTask("obs-sud"));
        driver.run(cohortInstance, this::cohortAnswers, () -> deliverableTasks().size() == 2);
        s2Due = deliverableTask("obs-nord").getDueDate().toInstant();
        submit(deliverableTask("obs-nord"));
        ClockUtil.setCurrentTime(Date.from(s2Due.plus(10, ChronoUnit.DAYS).plus(2, ChronoUnit.HOURS)));
        end = ClockUtil.getCurrentTime().toInstant();
    }

    @AfterAll
    void resetClock() {
        ClockUtil.reset();
    }

    // --- cohort
    // -----------------------------------------------------------------------------------

    @Test
    void theCohortGridShowsEachDeliverablesStateForTheProgrammeTeamInEveryTerritory() {
        JsonNode grid = okJson(basic("prog.test", API + "/cohortes/" + cohortId));
        assertThat(grid.get("name").asText()).isEqualTo("Cohorte de l'Observatoire");
        assertThat(grid.get("status").asText()).isEqualTo("RUNNING");
        assertThat(grid.get("statusLabel").asText()).isEqualTo("parcours en cours");
        assertThat(grid.get("processInstanceId").asText()).isEqualTo(cohortInstance);
        assertThat(texts(grid.get("sessions"), "code")).containsExactly("S1", "S2", "W", "S3", "S4");
        assertThat(grid.get("sessions").get(0).get("deliverable").asText()).isEqualTo("Bilan initial (autodiagnostic)");
        assertThat(grid.get("sessions").get(2).get("deliverable").isNull()).isTrue();
        assertThat(grid.get("sessions").get(1).get("statusLabel").asText()).isEqualTo("tenue");
        assertThat(grid.get("foundation").isNull()).as("no socle commun before S4").isTrue();

        JsonNode sud = row(grid, "obs-sud");
        assertThat(sud.get("territory").get("name").asText()).isEqualTo("Observatoire Sud");
        assertThat(sud.get("participation").get("status").asText()).isEqualTo("SELECTED");
        assertThat(sud.get("participation").get("statusLabel").asText()).isEqualTo("retenu");
        assertThat(texts(sud.get("participation").get("catalysts"), "name")).containsExactly("Sacha Sudre",
                "Sami Sudre");
        JsonNode s1 = sud.get("cells").get("S1");
        assertThat(s1.get("state").asText()).isEqualTo("SUBMITTED_LATE");
        assertThat(s1.get("label").asText()).isEqualTo("déposé en retard");
        assertThat(s1.get("daysLate").asLong()).isEqualTo(3);
        assertThat(s1.get("dueAt").asText()).isEqualTo(s1Due.toString());
        JsonNode s2 = sud.get("cells").get("S2");
        assertThat(s2.get("state").asText()).isEqualTo("OVERDUE");
        assertThat(s2.get("label").asText()).isEqualTo("en retard de 10 jours");
        assertThat(s2.get("daysLate").asLong()).isEqualTo(10);
        assertThat(s2.get("taskId").asText()).isEqualTo(deliverableTask("obs-sud").getId());
        assertThat(s2.get("processInstanceId").asText()).isEqualTo(cohortInstance);
        assertThat(sud.get("cells").get("W").get("state").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(sud.get("cells").get("W").get("label").asText()).isEqualTo("sans objet");
        assertThat(sud.get("cells").get("S3").get("state").asText()).isEqualTo("EXPECTED");
        assertThat(sud.get("cells").get("S3").get("label").asText()).isEqualTo("attendu");
        assertThat(sud.get("supportMonthsDone").asInt()).isZero();
        assertThat(sud.get("supportMonthsPlanned").asInt()).isEqualTo(9);

        JsonNode nord = row(grid, "obs-nord");
        assertThat(nord.get("cells").get("S1").get("state").asText()).isEqualTo("ON_TIME");
        assertThat(nord.get("cells").get("S1").get("label").asText()).isEqualTo("déposé à temps");
        assertThat(nord.get("cells").get("S2").get("state").asText()).isEqualTo("ON_TIME");
        assertThat(nord.get("cells").get("S2").get("taskId").isNull()).isTrue();
        assertThat(nord.get("supportMonthsDone").asInt()).isEqualTo(nordMonthsDone).isPositive();

        // Invited, never applied: nothing is expected from that territory.
        JsonNode alpha = row(grid, "alpha");
        assertThat(alpha.get("participation").get("status").asText()).isNotEqualTo("SELECTED");
        assertThat(alpha.get("cells").get("S1").get("state").asText()).isEqualTo("NOT_APPLICABLE");
        assertThat(alpha.get("supportMonthsPlanned").asInt()).isZero();

        JsonNode listed = find(okJson(basic("prog.test", API + "/cohortes")), "id", String.valueOf(cohortId));
        assertThat(listed.get("selected").asInt()).isEqualTo(2);
        assertThat(listed.get("territories").asInt()).isGreaterThan(2);
    }

    @Test
    void aCatalystSeesOnlyTheirTerritorysRowAndIsRefusedCohortsTheirTerritoryIsNotIn() {
        JsonNode grid = okJson(basic(NORD_CATALYST, API + "/cohortes/" + cohortId));
        assertThat(texts(grid.get("rows"), "territory", "code")).containsExactly("obs-nord");
        assertThat(row(grid, "obs-nord").get("cells").get("S2").get("state").asText()).isEqualTo("ON_TIME");

        JsonNode cohorts = okJson(basic(NORD_CATALYST, API + "/cohortes"));
        assertThat(texts(cohorts, "id")).containsExactly(String.valueOf(cohortId));
        assertThat(cohorts.get(0).get("territories").asInt()).as("their own territory only").isEqualTo(1);

        long otherCohort = jdbc
            .queryForObject("insert into cohort (name, start_date, target_territories, application_deadline, status, "
                    + "created_at) values ('Cohorte sans le Nord', current_date, 12, current_date, 'RUNNING', current_timestamp) returning id",
                    Long.class);
        try {
            HttpResponse<byte[]> refused = basic(NORD_CATALYST, API + "/cohortes/" + otherCohort);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(json(refused).get("message").asText()).isEqualTo(
                    "Accès refusé : aucun de vos territoires ne participe à la cohorte « Cohorte sans le Nord ».");
            assertThat(basic("prog.test", API + "/cohortes/" + otherCohort).statusCode()).isEqualTo(200);
        }
        finally {
            jdbc.update("delete from cohort where id = ?", otherCohort);
        }
        HttpResponse<byte[]> unknown = basic("prog.test", API + "/cohortes/999999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("message").asText()).isEqualTo("Cohorte inconnue : 999999999.");
    }

    // --- partnerships
    // -----------------------------------------------------------------------------

    @Test
    void partnershipsShowTheirStageDaysInItNextTaskLateTasksAndEvaluation() {
        JsonNode board = okJson(basic(NORD_CATALYST, API + "/partenariats"));
        assertThat(texts(board.get("stages"), "code")).containsExactly("DIALOGUE", "MATCHMAKING", "DESIGN", "SUPPORT",
                "EVALUATION", "CLOSED_STOPPED", "CLOSED_SPREAD", "CLOSED_UNFUNDED");
        assertThat(texts(board.get("stages"), "label")).containsExactly("dialogue", "mise en relation", "conception",
                "accompagnement", "évaluation", "clos : arrêté", "clos : essaimé", "clos : sans financement");
        assertThat(texts(board.get("items"), "name")).containsExactlyInAnyOrder("Covoiturage du Nord",
                "Fonds de soutien du Nord", LATE_NAME);
        assertThat(board.get("counts")).hasSize(1);
        JsonNode counts = board.get("counts").get(0);
        assertThat(counts.get("territory").get("code").asText()).isEqualTo("obs-nord");
        assertThat(counts.get("byStage").get("DIALOGUE").asInt()).isEqualTo(1);
        assertThat(counts.get("byStage").get("CLOSED_STOPPED").asInt()).isEqualTo(1);
        assertThat(counts.get("byStage").get("CLOSED_UNFUNDED").asInt()).isEqualTo(1);
        assertThat(counts.get("byStage").get("SUPPORT").asInt()).isZero();
        assertThat(counts.get("byLastDecision").get("arreter").asInt()).isEqualTo(1);
        assertThat(counts.get("byLastDecision").get("essaimer").asInt()).isZero();
        assertThat(counts.get("total").asInt()).isEqualTo(3);

        JsonNode stopped = find(board.get("items"), "name", "Covoiturage du Nord");
        assertThat(stopped.get("stage").asText()).isEqualTo("CLOSED_STOPPED");
        assertThat(stopped.get("stageLabel").asText()).isEqualTo("clos : arrêté");
        assertThat(stopped.get("kindLabel").asText()).isEqualTo("Innovation sociétale");
        assertThat(stopped.get("evaluation").get("decision").asText()).isEqualTo("arreter");
        assertThat(stopped.get("evaluation").get("label").asText()).isEqualTo("arrêté");
        assertThat(stopped.get("lateTasks").asInt()).isZero();
        assertThat(stopped.get("nextTask").isNull()).isTrue();
        assertThat(stopped.get("processInstanceId").asText()).isEqualTo(evaluated.id());
        Instant closedAt = jdbc
            .queryForObject("select stage_since from partnership where process_instance_id = ?",
                    java.sql.Timestamp.class, evaluated.id())
            .toInstant();
        assertThat(stopped.get("daysInStage").asLong()).isEqualTo(parisDays(closedAt, end)).isPositive();

        JsonNode unfundedItem = find(board.get("items"), "name", "Fonds de soutien du Nord");
        assertThat(unfundedItem.get("stageLabel").asText()).isEqualTo("clos : sans financement");
        assertThat(unfundedItem.get("evaluation").isNull()).isTrue();

        JsonNode late = find(board.get("items"), "name", LATE_NAME);
        Task diagnostic = lateStart.task("Task_SharedDiagnostic");
        assertThat(late.get("stage").asText()).isEqualTo("DIALOGUE");
        assertThat(late.get("kindLabel").asText()).isEqualTo("Mécénat");
        assertThat(late.get("lateTasks").asInt()).isEqualTo(1);
        assertThat(late.get("nextTask").get("taskId").asText()).isEqualTo(diagnostic.getId());
        assertThat(late.get("nextTask").get("name").asText()).isEqualTo(diagnostic.getName());
        assertThat(late.get("nextTask").get("dueAt").asText())
            .isEqualTo(diagnostic.getDueDate().toInstant().toString());

        JsonNode programme = okJson(basic("prog.test", API + "/partenariats?territoire=obs-sud"));
        assertThat(texts(programme.get("items"), "name")).containsExactly("Solidarités du Sud");
        assertThat(
                okJson(basic("prog.test", API + "/partenariats?territoire=obs-nord&etape=CLOSED_STOPPED")).get("items"))
            .extracting(item -> item.get("name").asText())
            .containsExactly("Covoiturage du Nord");
        assertThat(okJson(basic("prog.test", API + "/partenariats?territoire=obs-nord&type=mecenat")).get("items"))
            .extracting(item -> item.get("name").asText())
            .containsExactly(LATE_NAME);
        HttpResponse<byte[]> unknownStage = basic("prog.test", API + "/partenariats?etape=CLOSED");
        assertThat(unknownStage.statusCode()).isEqualTo(400);
        assertThat(json(unknownStage).get("message").asText()).startsWith("Étape inconnue : « CLOSED ».");
        HttpResponse<byte[]> otherTerritory = basic(NORD_CATALYST, API + "/partenariats?territoire=obs-sud");
        assertThat(otherTerritory.statusCode()).isEqualTo(403);
        assertThat(json(otherTerritory).get("message").asText()).startsWith("Accès refusé");
    }

    @Test
    void thePartnershipListComesAPageAtATimeInTheOrderAskedWhileCountsAndExportsCoverEveryPartnership() {
        JsonNode whole = okJson(basic(NORD_CATALYST, API + "/partenariats"));
        assertThat(whole.get("total").asInt()).isEqualTo(3);
        assertThat(whole.get("page").asInt()).isEqualTo(1);
        assertThat(whole.get("pages").asInt()).isEqualTo(1);
        assertThat(whole.get("pageSize").asInt()).isEqualTo(200);
        assertThat(whole.get("sort").asText()).isEqualTo("territory");
        assertThat(whole.get("descending").asBoolean()).isFalse();
        assertThat(texts(whole.get("kinds"), "code")).contains("mecenat", "innovation-societale");
        assertThat(find(whole.get("kinds"), "code", "mecenat").get("label").asText()).isEqualTo("Mécénat");

        // Two a page, most late tasks first: the late one opens page 1, page 2 has the
        // last one, none twice.
        JsonNode first = okJson(basic(NORD_CATALYST, API + "/partenariats?tri=lateTasks&ordre=desc&taille=2"));
        assertThat(first.get("total").asInt()).isEqualTo(3);
        assertThat(first.get("pages").asInt()).isEqualTo(2);
        assertThat(first.get("pageSize").asInt()).isEqualTo(2);
        assertThat(first.get("sort").asText()).isEqualTo("lateTasks");
        assertThat(first.get("descending").asBoolean()).isTrue();
        assertThat(first.get("items")).hasSize(2);
        assertThat(first.get("items").get(0).get("name").asText()).isEqualTo(LATE_NAME);
        assertThat(first.get("items").get(0).get("lateTasks").asInt()).isEqualTo(1);
        JsonNode second = okJson(basic(NORD_CATALYST, API + "/partenariats?tri=lateTasks&ordre=desc&taille=2&page=2"));
        assertThat(second.get("page").asInt()).isEqualTo(2);
        assertThat(second.get("items")).hasSize(1);
        List<String> both = new ArrayList<>(texts(first.get("items"), "name"));
        both.addAll(texts(second.get("items"), "name"));
        assertThat(both).containsExactlyInAnyOrder("Covoiturage du Nord", "Fonds de soutien du Nord", LATE_NAME);
        // The counts are those of every partnership, whatever the page.
        assertThat(second.get("counts").get(0).get("total").asInt()).isEqualTo(3);

        // By stage, in the lifecycle's order, both ways; one a page.
        assertThat(okJson(basic(NORD_CATALYST, API + "/partenariats?tri=stage&taille=1&page=2")).get("items"))
            .extracting(item -> item.get("name").asText())
            .containsExactly("Covoiturage du Nord");
        assertThat(texts(okJson(basic(NORD_CATALYST, API + "/partenariats?tri=stage&ordre=desc")).get("items"), "name"))
            .containsExactly("Fonds de soutien du Nord", "Covoiturage du Nord", LATE_NAME);
        assertThat(texts(okJson(basic(NORD_CATALYST, API + "/partenariats?tri=stage")).get("items"), "name"))
            .containsExactly(LATE_NAME, "Covoiturage du Nord", "Fonds de soutien du Nord");
        // A page past the last one is empty, with the total still said.
        JsonNode beyond = okJson(basic(NORD_CATALYST, API + "/partenariats?taille=2&page=3"));
        assertThat(beyond.get("items")).isEmpty();
        assertThat(beyond.get("total").asInt()).isEqualTo(3);

        // The export has every row, in the order asked, whatever the page size.
        String csv = new String(
                basic(NORD_CATALYST, API + "/partenariats?tri=stage&ordre=desc&taille=1&format=csv").body(),
                StandardCharsets.UTF_8);
        assertThat(csv.split("\r\n")).hasSize(4);
        assertThat(csv.indexOf("Fonds de soutien du Nord")).isLessThan(csv.indexOf("Covoiturage du Nord"));
        assertThat(csv.indexOf("Covoiturage du Nord")).isLessThan(csv.indexOf("Tiers-lieu du Nord"));

        for (String[] wrong : new String[][] {
                { "page=0", "Numéro de page impossible : 0 (la première page est la page 1)." },
                { "page=deux", "Numéro de page impossible : « deux » n'est pas un nombre entier." },
                { "taille=501", "Taille de page impossible : 501 (de 1 à 500 partenariats)." },
                { "tri=urgence", "Tri inconnu : « urgence »." }, { "ordre=haut", "Ordre inconnu : « haut »." } }) {
            HttpResponse<byte[]> refused = basic(NORD_CATALYST, API + "/partenariats?" + wrong[0]);
            assertThat(refused.statusCode()).as(wrong[0]).isEqualTo(400);
            assertThat(json(refused).get("message").asText()).as(wrong[0]).startsWith(wrong[1]);
        }
    }

    @Test
    void theDossierTellsThePartnershipsBusinessRecordAndStaysWithinTheCatalystsTerritories() {
        JsonNode dossier = okJson(basic(NORD_CATALYST, API + "/dossier/" + evaluated.id()));
        assertThat(dossier.get("name").asText()).isEqualTo("Covoiturage du Nord");
        assertThat(dossier.get("territory").get("name").asText()).isEqualTo("Observatoire Nord");
        assertThat(dossier.get("stageLabel").asText()).isEqualTo("clos : arrêté");
        assertThat(dossier.get("objectives").asText()).isEqualTo("Cohésion sociale");
        assertThat(dossier.get("fragilities").asText()).isEqualTo("Mobilité");
        assertThat(dossier.get("partners"))
            .extracting(partner -> partner.get("organisation").asText() + " " + partner.get("statusLabel").asText())
            .containsExactly("Association du Nord partenaire", "Entreprise du Nord a décliné");
        assertThat(dossier.get("matches")).extracting(match -> match.get("statusLabel").asText())
            .containsExactly("acceptée", "déclinée");
        JsonNode experiment = dossier.get("experiment");
        assertThat(experiment.get("version").asInt()).isEqualTo(1);
        assertThat(experiment.get("durationMonths").asInt()).isEqualTo(1);
        assertThat(experiment.get("funding").get("label").asText()).isEqualTo("accordé");
        assertThat(experiment.get("indicators").get(0).get("name").asText()).isEqualTo("Trajets réalisés");
        assertThat(experiment.get("indicators").get(0).get("collector").asText()).isEqualTo("Association du Nord");
        assertThat(experiment.get("indicators").get(0).get("measurements").get(0).get("value").asInt()).isEqualTo(180);
        assertThat(experiment.get("signatures")).isNotEmpty();
        assertThat(dossier.get("assessments")).hasSize(1);
        assertThat(dossier.get("assessments").get(0).get("product").asInt()).isEqualTo(4);
        assertThat(dossier.get("assessments").get(0).get("impactAxes").asText()).isEqualTo("Confiance");
        assertThat(dossier.get("evaluations").get(0).get("label").asText()).isEqualTo("arrêté");
        assertThat(dossier.get("evaluations").get(0).get("approaches").asText()).isEqualTo("Performance, Sens");
        assertThat(dossier.get("journal")).extracting(entry -> entry.get("kindLabel").asText())
            .contains("rencontre d'interconnaissance", "décision sur les enjeux partagés", "plan d'accompagnement");

        HttpResponse<byte[]> otherTerritory = basic(NORD_CATALYST, API + "/dossier/" + sud.id());
        assertThat(otherTerritory.statusCode()).isEqualTo(403);
        assertThat(json(otherTerritory).get("message").asText())
            .isEqualTo("Accès refusé : ce partenariat appartient à un territoire dont vous n'êtes pas catalyseur.");
        assertThat(okJson(basic("prog.test", API + "/dossier/" + sud.id())).get("name").asText())
            .isEqualTo("Solidarités du Sud");
        HttpResponse<byte[]> notAPartnership = basic("prog.test", API + "/dossier/" + cohortInstance);
        assertThat(notAPartnership.statusCode()).isEqualTo(404);
        assertThat(json(notAPartnership).get("message").asText())
            .isEqualTo("Aucun partenariat n'est suivi par l'instance de processus « " + cohortInstance + " ».");
    }

    // --- governance dialogues
    // ---------------------------------------------------------------------

    @Test
    void dialoguesShowTheMonthReachedOutOfThePlannedMonthsTheNextReviewAndLateReviews() {
        long month = ChronoUnit.MONTHS.between(dialoguesStarted.atZone(Deadlines.ZONE), end.atZone(Deadlines.ZONE)) + 1;
        assertThat(month).as("the story takes the dialogue past month 36").isGreaterThan(36);

        JsonNode mine = okJson(basic(NORD_CATALYST, API + "/dialogues"));
        assertThat(mine).hasSize(1);
        JsonNode nord = mine.get(0);
        assertThat(nord.get("territory").get("code").asText()).isEqualTo("obs-nord");
        assertThat(nord.get("subject").asText()).isEqualTo("Gouvernance des alliances du Nord");
        assertThat(nord.get("statusLabel").asText()).isEqualTo("en cours");
        assertThat(nord.get("monthReached").asLong()).isEqualTo(month);
        assertThat(nord.get("monthsPlanned").asInt()).isEqualTo(48);
        assertThat(nord.get("extended").asBoolean()).isTrue();
        assertThat(nord.get("pastMonth36").asBoolean()).isTrue();
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(nordDialogue).singleResult();
        assertThat(nord.get("nextReview").get("name").asText()).isEqualTo(review.getName())
            .startsWith("Tenir la revue trimestrielle");
        assertThat(nord.get("nextReview").get("taskId").asText()).isEqualTo(review.getId());
        assertThat(nord.get("lateReviews").asInt()).isEqualTo(1);
        assertThat(nord.get("processInstanceId").asText()).isEqualTo(nordDialogue);

        JsonNode sudDialogueRow = find(okJson(basic("prog.test", API + "/dialogues")), "processInstanceId",
                sudDialogue);
        assertThat(sudDialogueRow.get("monthsPlanned").asInt()).isEqualTo(36);
        assertThat(sudDialogueRow.get("extended").asBoolean()).isFalse();
        assertThat(sudDialogueRow.get("nextReview").get("name").asText()).startsWith("Mener l'entretien initial");
        assertThat(sudDialogueRow.get("lateReviews").asInt()).isEqualTo(1);
    }

    // --- indicators
    // -------------------------------------------------------------------------------

    @Test
    void aCatalystsIndicatorsCountTheirTerritoryOnly() {
        JsonNode indicators = okJson(basic(NORD_CATALYST, API + "/indicateurs")).get("indicators");
        assertThat(texts(indicators, "id")).containsExactly("deliverables-on-time", "matches", "partnerships-by-stage",
                "partnerships-by-kind", "closed-with-evaluation", "indicator-entries-on-time",
                "overdue-tasks-by-territory", "overdue-tasks-by-role", "dialogues-past-36");
        for (JsonNode indicator : indicators) {
            assertThat(indicator.get("title").asText()).isNotBlank();
            assertThat(indicator.get("definition").asText()).as(indicator.get("id").asText())
                .hasSizeGreaterThan(60)
                .endsWith(".");
        }

        JsonNode onTime = find(indicators, "id", "deliverables-on-time");
        assertThat(onTime.get("chart").asText()).isEqualTo("grid");
        assertThat(texts(onTime.get("columns"))).containsExactly("S1", "S2", "S3", "S4");
        assertThat(onTime.get("rows")).hasSize(1);
        assertThat(onTime.get("rows").get(0).get("label").asText()).isEqualTo("Observatoire Nord");
        assertThat(onTime.get("rows").get(0).get("values").toString()).isEqualTo("[100,100,null,null]");

        JsonNode matches = find(indicators, "id", "matches");
        assertThat(bars(matches)).containsExactly("Proposées=4", "Acceptées=2", "Déclinées=2", "Expirées=0",
                "En attente de réponse=0");
        assertThat(matches.get("medianAnswerDays").asDouble()).isEqualTo(3.0);
        assertThat(matches.get("note").asText()).isEqualTo("Délai médian de réponse : 3,0 jours (4 réponses).");

        assertThat(bars(find(indicators, "id", "partnerships-by-stage"))).containsExactly("dialogue=1",
                "mise en relation=0", "conception=0", "accompagnement=0", "évaluation=0", "clos : arrêté=1",
                "clos : essaimé=0", "clos : sans financement=1");
        assertThat(bars(find(indicators, "id", "partnerships-by-kind"))).containsExactly("Innovation sociétale=2",
                "Mécénat=1");

        JsonNode closed = find(indicators, "id", "closed-with-evaluation");
        assertThat(closed.get("chart").asText()).isEqualTo("ratio");
        assertThat(closed.get("numerator").asInt()).isEqualTo(1);
        assertThat(closed.get("denominator").asInt()).isEqualTo(2);
        assertThat(closed.get("value").asDouble()).isEqualTo(0.5);

        JsonNode entries = find(indicators, "id", "indicator-entries-on-time");
        assertThat(entries.get("numerator").asInt()).isEqualTo(1);
        assertThat(entries.get("denominator").asInt()).isEqualTo(1);

        // Late in Nord: the diagnostic of the partnership left at its start (the
        // catalyst's) and the dialogue's review
        // (the programme team's).
        assertThat(bars(find(indicators, "id", "overdue-tasks-by-territory"))).containsExactly("Observatoire Nord=2");
        assertThat(bars(find(indicators, "id", "overdue-tasks-by-role"))).containsExactlyInAnyOrder("Catalyseurs=1",
                "Équipe programme=1");

        JsonNode past36 = find(indicators, "id", "dialogues-past-36");
        assertThat(past36.get("numerator").asInt()).isEqualTo(1);
        assertThat(past36.get("denominator").asInt()).isEqualTo(1);
    }

    @Test
    void theProgrammeTeamsIndicatorsCountEveryTerritory() {
        JsonNode indicators = okJson(basic("prog.test", API + "/indicateurs")).get("indicators");
        JsonNode onTime = find(indicators, "id", "deliverables-on-time");
        JsonNode sudRow = find(onTime.get("rows"), "label", "Observatoire Sud");
        assertThat(sudRow.get("values").toString()).isEqualTo("[0,0,null,null]");
        assertThat(bars(find(indicators, "id", "overdue-tasks-by-territory"))).contains("Observatoire Nord=2")
            .anyMatch(bar -> bar.startsWith("Observatoire Sud="));
    }

    // --- who may
    // ----------------------------------------------------------------------------------

    @Test
    void anonymousCallersAreAskedToSignInAndOtherParticipantsAreRefusedInFrench() throws Exception {
        HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(url(API + "/cohortes"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(Browser.on(port).get(PLUGIN + "/cohortes").statusCode()).isEqualTo(401);

        HttpResponse<byte[]> association = basic(NORD_ASSOCIATION, API + "/partenariats");
        assertThat(association.statusCode()).isEqualTo(403);
        assertThat(json(association).get("message").asText())
            .isEqualTo("Accès refusé : l'Observatoire est réservé à l'équipe "
                    + "programme, au comité d'orientation et aux catalyseurs, pour leurs propres territoires.");

        Browser participant = Browser.on(port);
        participant.signInToTasklist(NORD_ASSOCIATION, PASSWORD);
        HttpResponse<String> refused = participant.get(PLUGIN + "/dialogues");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("message").asText())
            .startsWith("Accès refusé : l'Observatoire est réservé");

        // The steering committee reads every territory, like the programme team.
        assertThat(texts(okJson(basic("comite.test", API + "/dialogues")), "processInstanceId")).contains(nordDialogue,
                sudDialogue);
    }

    @Test
    void theCockpitPluginAnswersWithTheWebappSessionTheSameAsTheApi() throws Exception {
        Browser programme = Browser.on(port).signInToWebapp("cockpit", "prog.test", PASSWORD);
        HttpResponse<String> grid = programme.get(PLUGIN + "/cohortes/" + cohortId);
        assertThat(grid.statusCode()).as(grid.body()).isEqualTo(200);
        assertThat(row(JSON.readTree(grid.body()), "obs-sud").get("cells").get("S2").get("label").asText())
            .isEqualTo("en retard de 10 jours");

        // A catalyst signed in to Tasklist has the same session: their own territory
        // only.
        Browser catalyst = Browser.on(port);
        catalyst.signInToTasklist(NORD_CATALYST, PASSWORD);
        HttpResponse<String> rows = catalyst.get(PLUGIN + "/cohortes/" + cohortId);
        assertThat(rows.statusCode()).isEqualTo(200);
        assertThat(texts(JSON.readTree(rows.body()).get("rows"), "territory", "code")).containsExactly("obs-nord");
        assertThat(JSON.readTree(rows.body())).isEqualTo(okJson(basic(NORD_CATALYST, API + "/cohortes/" + cohortId)));
        HttpResponse<String> dossier = catalyst.get(PLUGIN + "/dossier/" + sud.id());
        assertThat(dossier.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(dossier.body()).get("message").asText()).startsWith("Accès refusé");
        assertThat(catalyst.get(PLUGIN + "/dossier/" + evaluated.id()).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(catalyst.get(PLUGIN + "/partenariats").body()).get("items"))
            .extracting(item -> item.get("territory").get("code").asText())
            .containsOnly("obs-nord");
        HttpResponse<String> csv = catalyst.get(PLUGIN + "/dialogues?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"dialogues-de-gouvernance.csv\"");
        assertThat(csv.body())
            .startsWith("\uFEFFTerritoire;Code du territoire;Sujet;État;Mois atteint;Mois prévus;Prolongé;")
            .contains("\r\nObservatoire Nord;obs-nord;Gouvernance des alliances du Nord;en cours;")
            .doesNotContain("Sud");
    }

    // --- exports
    // ----------------------------------------------------------------------------------

    @Test
    void theListExportsAsCsvForAFrenchExcelWithFormulasNeutralised() {
        HttpResponse<byte[]> csv = basic("prog.test", API + "/partenariats?territoire=obs-nord&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"partenariats.csv\"");
        byte[] body = csv.body();
        assertThat(new byte[] { body[0], body[1], body[2] }).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(body, StandardCharsets.UTF_8);
        String[] lines = text.substring(1).split("\r\n");
        assertThat(lines[0])
            .isEqualTo("Partenariat;Territoire;Code du territoire;Type;Étape;Jours dans l'étape;Prochaine tâche;"
                    + "Échéance de la prochaine tâche;Tâches en retard;Résultat de la dernière évaluation;Date de la décision");
        assertThat(lines).hasSize(4);
        assertThat(text).contains("\r\n'=Tiers-lieu du Nord;Observatoire Nord;obs-nord;Mécénat;dialogue;")
            .doesNotContain("\n=Tiers")
            .doesNotContain(";=");
        String stopped = List.of(lines)
            .stream()
            .filter(line -> line.startsWith("Covoiturage du Nord;"))
            .findFirst()
            .orElseThrow();
        assertThat(stopped).contains(";clos : arrêté;")
            .endsWith(";0;arrêté;" + java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")
                .format(LocalDate.ofInstant(evaluationDecided(), Deadlines.ZONE)));
    }

    @Test
    void theCohortGridExportsAsARealXlsxWithTheSameCellsAndFormulasNeutralised() throws IOException {
        HttpResponse<byte[]> xlsx = basic("prog.test", API + "/cohortes/" + cohortId + "?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type")).hasValue(Exports.XLSX_TYPE);
        assertThat(xlsx.headers().firstValue("Content-Disposition"))
            .hasValue("attachment; filename=\"cohorte-" + cohortId + ".xlsx\"");
        Map<String, String> cells = XlsxCells.firstSheet(xlsx.body());
        assertThat(cells).containsEntry("A1", "Territoire").containsEntry("F1", "S2 Mettre en œuvre");
        String sudRow = cells.entrySet()
            .stream()
            .filter(cell -> cell.getValue().equals("Observatoire Sud"))
            .findFirst()
            .orElseThrow()
            .getKey()
            .substring(1);
        assertThat(cells).containsEntry("E" + sudRow, "déposé en retard")
            .containsEntry("F" + sudRow, "en retard de 10 jours")
            .containsEntry("G" + sudRow, "sans objet")
            .containsEntry("J" + sudRow, "0")
            .containsEntry("K" + sudRow, "9");

        Map<String, String> list = XlsxCells
            .firstSheet(basic("prog.test", API + "/partenariats?territoire=obs-nord&format=xlsx").body());
        assertThat(list).containsValue("'=Tiers-lieu du Nord").doesNotContainValue(LATE_NAME);

        HttpResponse<byte[]> notExported = basic("prog.test", API + "/indicateurs?format=csv");
        assertThat(notExported.statusCode()).isEqualTo(400);
        assertThat(json(notExported).get("message").asText()).startsWith("Cette page ne s'exporte pas");
    }

    // --- the story's steps
    // ------------------------------------------------------------------------

    private PartnershipScenario nord() {
        return new PartnershipScenario(engine, access, "obs-nord", NORD_CATALYST, "asso-obs-nord",
                "entreprise-obs-nord");
    }

    private String startDialogue(String territory, String subject) {
        return access
            .actingAs("prog.test",
                    () -> engine.getRuntimeService()
                        .startProcessInstanceByKey("governance-dialogue",
                                values("territory", territory, "dialogueSubject", subject)))
            .getId();
    }

    private Map<String, Object> reviews(Task task) {
        return switch (task.getTaskDefinitionKey()) {
            case "Task_InitialInterview" ->
                values("interviewNotes", "Attentes fortes sur la coordination des acteurs.");
            case "Task_QuarterlyReview" ->
                values("reviewNotes", "Le dialogue avance.", "dialogueHealth", "constructif");
            case "Task_YearlyAssessment" -> values("assessmentNotes", "Une année de travail commun utile.");
            default -> null;
        };
    }

    private Map<String, Object> cohortAnswers(Task task) {
        String territory = (String) engine.getTaskService().getVariable(task.getId(), "territory");
        boolean ours = "obs-nord".equals(territory) || "obs-sud".equals(territory);
        return switch (task.getTaskDefinitionKey()) {
            case "Task_Apply" -> ours ? values("applying", "oui", "catalystOne", "cat1." + territory, "catalystTwo",
                    "cat2." + territory, "motivation", "Nous voulons structurer nos alliances.") : null;
            case "Task_ReviewApplications" ->
                values("selectedTerritories", FormValues.json(new ArrayList<>(List.of("obs-nord", "obs-sud"))));
            case "Task_ValidateSelection" -> values("selectionDecision", "valider");
            case "Task_PrepareSession" -> values("sessionPlace", "Lille", "sessionAgenda", "Atelier et retours.");
            case "Task_RecordSession" -> values("sessionMinutes", "Une session riche en échanges entre pairs.");
            case "Task_CapitaliseSession" -> values("sessionLessons", "Les enseignements partagés de la session.");
            case "Task_MonthlySupport" -> {
                if (!"obs-nord".equals(territory)) {
                    yield null;
                }
                nordMonthsDone++;
                yield values("supportProgress", "Tout avance bien ici.");
            }
            default -> null;
        };
    }

    private List<Task> deliverableTasks() {
        return engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(cohortInstance)
            .taskDefinitionKey("Task_SubmitDeliverable")
            .list();
    }

    private Task deliverableTask(String territory) {
        return deliverableTasks().stream()
            .filter(task -> territory.equals(engine.getTaskService().getVariable(task.getId(), "territory")))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no open deliverable for " + territory));
    }

    private void submit(Task deliverable) {
        engine.getTaskService()
            .complete(deliverable.getId(), values("deliverableSummary", "Notre livrable de session, complet."));
    }

    private void complete(String instance, String key, Map<String, Object> answer) {
        Task task = engine.getTaskService()
            .createTaskQuery()
            .processInstanceId(instance)
            .taskDefinitionKey(key)
            .singleResult();
        engine.getTaskService().complete(task.getId(), answer);
    }

    private static void later(ChronoUnit unit, long amount) {
        ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(amount, unit)));
    }

    private Instant evaluationDecided() {
        return jdbc
            .queryForObject("select e.decided_at from evaluation e join partnership p on p.id = e.partnership_id "
                    + "where p.process_instance_id = ?", java.sql.Timestamp.class, evaluated.id())
            .toInstant();
    }

    private static long parisDays(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(LocalDate.ofInstant(from, Deadlines.ZONE),
                LocalDate.ofInstant(to, Deadlines.ZONE));
    }

    // --- HTTP and JSON
    // ------------------------------------------------------------------------------

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<byte[]> basic(String user, String path) {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        try {
            return HTTP.send(
                    HttpRequest.newBuilder(URI.create(url(path))).header("Authorization", "Basic " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }
        catch (IOException failure) {
            throw new java.io.UncheckedIOException(failure);
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static JsonNode okJson(HttpResponse<byte[]> response) {
        assertThat(response.statusCode()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return json(response);
    }

    private static JsonNode json(HttpResponse<byte[]> response) {
        try {
            return JSON.readTree(response.body());
        }
        catch (IOException notJson) {
            throw new AssertionError("not JSON: " + new String(response.body(), StandardCharsets.UTF_8), notJson);
        }
    }

    private static JsonNode row(JsonNode grid, String territory) {
        return StreamSupport.stream(grid.get("rows").spliterator(), false)
            .filter(row -> territory.equals(row.get("territory").get("code").asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row for " + territory));
    }

    private static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
            .filter(node -> value.equals(node.get(field).asText()))
            .findFirst()
            .orElseThrow(() -> new AssertionError("nothing with " + field + " = " + value + " in " + array));
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

    private static List<String> bars(JsonNode indicator) {
        List<String> bars = new ArrayList<>();
        indicator.get("bars").forEach(bar -> bars.add(bar.get("label").asText() + "=" + bar.get("value").asLong()));
        return bars;
    }

}
