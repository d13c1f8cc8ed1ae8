package fr.catalyse.notification;

import static fr.catalyse.partnership.PartnershipScenario.json;
import static fr.catalyse.partnership.PartnershipScenario.values;
import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.partnership.PartnershipScenario;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * People choose how they hear of things: immediately, in the weekly digest, or never; the
 * programme team always hears of late tasks. Assignments are announced; unusable
 * addresses are reported.
 */
class NotificationPreferencesIntegrationTest extends IntegrationTestSupport {

    static final String READER = "cat2.alpha";

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    WeeklyDigests digests;

    @Autowired
    NotificationRecordRepository records;

    @Autowired
    IdentityService identity;

    Mailbox mailbox;

    String name;

    @BeforeEach
    void directory() {
        registerTestDirectory();
        mailbox = new Mailbox(smtp);
        name = "Préférences " + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void everyoneBackToImmediate() {
        ClockUtil.reset();
        if (!smtp.isRunning()) {
            smtp.start();
        }
        rest().as("prog.test")
            .put("/api/preferences/" + READER,
                    Map.of("RAPPELS", "IMMEDIATE", "ATTRIBUTIONS", "IMMEDIATE", "ESCALADES", "IMMEDIATE"));
    }

    @Test
    void remindersKeptForTheDigestArriveOnceTogetherWithTheWeeksTasks() {
        var chosen = rest().as(READER).put("/api/preferences", Map.of("RAPPELS", "DIGEST"));
        assertThat(chosen.status()).as(chosen.toString()).isEqualTo(200);
        assertThat(chosen.json().at("/preferences/RAPPELS/mode").asText()).isEqualTo("DIGEST");

        PartnershipScenario scenario = startAs(READER);
        String task = scenario.task("Task_SharedDiagnostic").getId();
        scenario.fire(scenario.reminder("Task_SharedDiagnostic"));

        assertThat(mailbox.about("alpha / " + name)).as("kept for the digest").isEmpty();
        assertThat(records.findByProcessInstanceIdOrderByCreatedAt(scenario.id()))
            .extracting(NotificationRecord::getStatus)
            .containsExactly(NotificationStatus.DEFERRED);

        digests.sendAll();
        digests.sendAll();

        List<Mailbox.Mail> digest = mailbox.to("cat2.alpha@alpha.test", "Votre semaine dans Catalyse")
            .stream()
            .filter(mail -> mail.body().contains(task))
            .toList();
        assertThat(digest).hasSize(1);
        assertThat(digest.get(0).body()).contains("Établir le diagnostic partagé du territoire", "à terminer d'ici le",
                "Les messages gardés pour ce récapitulatif",
                "Rappel : « Établir le diagnostic partagé du territoire »");
        assertThat(records.findByProcessInstanceIdOrderByCreatedAt(scenario.id()))
            .extracting(NotificationRecord::getStatus)
            .containsExactly(NotificationStatus.DIGESTED);
    }

    @Test
    void nothingIsSentOfAKindSwitchedOffButItIsRecorded() {
        rest().as(READER).put("/api/preferences", Map.of("RAPPELS", "NONE"));
        PartnershipScenario scenario = startAs(READER);

        scenario.fire(scenario.reminder("Task_SharedDiagnostic"));

        assertThat(mailbox.about("alpha / " + name)).isEmpty();
        assertThat(records.findByProcessInstanceIdOrderByCreatedAt(scenario.id()))
            .extracting(NotificationRecord::getStatus)
            .containsExactly(NotificationStatus.SKIPPED);
    }

    @Test
    void theProgrammeTeamCannotSwitchOffEscalationsButEditsOthersPreferences() {
        var refused = rest().as("prog.test").put("/api/preferences", Map.of("ESCALADES", "NONE"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText())
            .startsWith("L'équipe programme reçoit toujours immédiatement");

        assertThat(rest().as("prog.test").put("/api/preferences/" + READER, Map.of("ATTRIBUTIONS", "NONE")).status())
            .isEqualTo(200);
        assertThat(rest().as(READER).get("/api/preferences").json().at("/preferences/ATTRIBUTIONS/mode").asText())
            .isEqualTo("NONE");
        assertThat(
                rest().as("cat.alpha").put("/api/preferences/" + READER, Map.of("ATTRIBUTIONS", "IMMEDIATE")).status())
            .isEqualTo(403);
        var unknown = rest().as(READER).put("/api/preferences", Map.of("RAPPELS", "PARFOIS"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("message").asText()).contains("« PARFOIS » n'est pas un mode connu");
    }

    @Test
    void thePreferencesPageIsReachedFromTheEmailsAndRefusesFormsFromElsewhere() {
        Browser browser = Browser.on(port);
        assertThat(browser.get("/preferences").statusCode()).isEqualTo(302);
        var shown = browser.signIn(READER, PASSWORD).get("/preferences");
        assertThat(shown.body()).contains("Vos préférences de notification", "Dans le récapitulatif hebdomadaire");

        var saved = browser.post("/preferences",
                Map.of("RAPPELS", "DIGEST", "ATTRIBUTIONS", "IMMEDIATE", "ESCALADES", "NONE"));
        assertThat(saved.body()).contains("Vos préférences sont enregistrées");
        assertThat(rest().as(READER).get("/api/preferences").json().at("/preferences/ESCALADES/mode").asText())
            .isEqualTo("NONE");

        var forged = browser.post("/preferences", Map.of("RAPPELS", "NONE"),
                Map.of("Origin", "https://ailleurs.exemple"));
        assertThat(forged.statusCode()).isEqualTo(403);
    }

    @Test
    void choicesMissingOfTheWrongTypeOrUnknownAreRefusedInFrenchNamingTheFieldAndChangeNothing() {
        String modes = "(IMMEDIATE, DIGEST, NONE)";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("{\"RAPPELS\": null}", "« RAPPELS » : mode manquant " + modes);
        refused.put("{\"RAPPELS\": 3}", "« RAPPELS » : le mode s'écrit en texte " + modes);
        refused.put("{\"RAPPELS\": true}", "« RAPPELS » : le mode s'écrit en texte " + modes);
        refused.put("{\"RAPPELS\": {\"mode\": \"DIGEST\"}}", "« RAPPELS » : le mode s'écrit en texte " + modes);
        refused.put("{\"RAPPELS\": [\"DIGEST\"]}", "« RAPPELS » : le mode s'écrit en texte " + modes);
        refused.put("{\"RAPPELS\": \"PARFOIS\"}", "« RAPPELS » : « PARFOIS » n'est pas un mode connu " + modes);
        refused.put("{\"PIGEONS\": \"DIGEST\"}",
                "« PIGEONS » n'est pas un type de message connu (RAPPELS, ATTRIBUTIONS, ESCALADES)");
        refused.put("{\"ATTRIBUTIONS\": \"NONE\", \"RAPPELS\": null}",
                "rien n'a été modifié : « RAPPELS » : mode manquant");
        refused.put("[\"DIGEST\"]", "un objet JSON est attendu");
        refused.put("\"DIGEST\"", "un objet JSON est attendu");
        refused.put("null", "un objet JSON est attendu");
        refused.put("", "un objet JSON est attendu");
        refused.put("{\"RAPPELS\": ", "Requête illisible");

        refused.forEach((body, message) -> {
            for (var call : List.of(rest().as(READER).put("/api/preferences", body),
                    rest().as("prog.test").put("/api/preferences/" + READER, body))) {
                assertThat(call.status()).as(body + " → " + call).isEqualTo(400);
                assertThat(call.json().get("type").asText()).as(body).isEqualTo("InvalidInputException");
                assertThat(call.json().get("message").asText()).as(body).contains(message);
            }
        });
        assertThat(rest().as(READER).get("/api/preferences").json().get("preferences").findValuesAsText("mode"))
            .as("nothing changed")
            .containsOnly("IMMEDIATE");

        var mine = rest().as(READER).put("/api/preferences", "{\"rappels\": \" digest \"}");
        assertThat(mine.status()).as(mine.toString()).isEqualTo(200);
        assertThat(mine.json().at("/preferences/RAPPELS/mode").asText()).isEqualTo("DIGEST");
        var theirs = rest().as("prog.test").put("/api/preferences/" + READER, "{\"ATTRIBUTIONS\": \"NONE\"}");
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(200);
        assertThat(theirs.json().at("/preferences/ATTRIBUTIONS/mode").asText()).isEqualTo("NONE");
        assertThat(theirs.json().at("/preferences/RAPPELS/mode").asText()).isEqualTo("DIGEST");
    }

    @Test
    void aTaskGivenToSomeoneElseIsAnnouncedToThemButNotATaskOneTakesOneself() {
        PartnershipScenario scenario = startAs("cat.alpha");
        String task = scenario.task("Task_SharedDiagnostic").getId();
        assertThat(announcements(scenario)).as("assigned at creation by its own catalyst").isEmpty();

        var given = rest().as("prog.test").post("/engine-rest/task/" + task + "/assignee", Map.of("userId", READER));
        assertThat(given.status()).isEqualTo(204);
        assertThat(announcements(scenario)).hasSize(1);
        scenario.fire(announcements(scenario).get(0));

        assertThat(mailbox.to("cat2.alpha@alpha.test", "alpha / " + name)).extracting(Mailbox.Mail::subject)
            .containsExactly("Nouvelle tâche pour vous : « Établir le diagnostic partagé du territoire »");
    }

    @Test
    void anUnusableAddressIsReportedToTheProgrammeTeamAndListedInTheRecord() {
        String mayor = "elu.sans-adresse." + UUID.randomUUID().toString().substring(0, 6);
        PartnershipScenario scenario = waitingForStakesOf(mayor, "Élu", "Sans Adresse", "pas-une-adresse");

        scenario.fire(scenario.reminder("Task_ValidateSharedStakes"));
        sendQueuedEmails();

        assertThat(mailbox.to("prog.test@catalyse.test", "Adresse e-mail inutilisable : Élu Sans Adresse")).hasSize(1);
        var listed = rest().as("prog.test")
            .get("/api/notifications?territoire=alpha&statut=INVALID_ADDRESS&destinataire=" + mayor);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("email").asText()).isEqualTo("pas-une-adresse");
        assertThat(rest().as("cat.alpha").get("/api/notifications").status()).isEqualTo(403);
        var bad = rest().as("prog.test").get("/api/notifications?depuis=hier");
        assertThat(bad.json().get("message").asText()).isEqualTo("« depuis » doit être une date au format AAAA-MM-JJ.");
    }

    /**
     * The reminder job that meets the unusable address fails on the next recipient and
     * rolls back; the address stays recorded as unusable, so the retry does not meet it
     * again: its alert must have been queued on its own, and it reaches the programme
     * team once the server is back.
     */
    @Test
    void anUnusableAddressMetWhileTheMailServerIsDownIsStillReportedOnceAfterIt() {
        String unique = UUID.randomUUID().toString().substring(0, 6);
        // Sorts before elu.alpha: the unusable address is met first, then elu.alpha's
        // send is refused.
        String mayor = "elu.aa-panne." + unique;
        PartnershipScenario scenario = waitingForStakesOf(mayor, "Élue", "Panne " + unique, "adresse-sans-arobase");
        Job reminder = scenario.reminder("Task_ValidateSharedStakes");

        smtp.stop();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scenario.fire(reminder))
            .hasMessageContaining("Envoi impossible");
        assertThat(records.findByRecipientUserOrderByCreatedAt(mayor)).singleElement()
            .satisfies(record -> assertThat(record.getStatus()).isEqualTo(NotificationStatus.INVALID_ADDRESS));
        assertThat(engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(NoticeJobs.PROCESS_KEY)
            .processInstanceBusinessKey("Adresse inutilisable — " + mayor)
            .count()).as("alert queued despite the rollback").isEqualTo(1);

        smtp.start();
        engine.getManagementService().executeJob(reminder.getId());
        sendQueuedEmails();

        String subject = "Adresse e-mail inutilisable : Élue Panne " + unique;
        assertThat(mailbox.to("prog.test@catalyse.test", subject)).hasSize(1);
        assertThat(mailbox.to("elu.alpha@alpha.test", "alpha / " + name)).hasSize(1);
        assertThat(mailbox.about(subject).get(0).body()).contains("adresse-sans-arobase",
                "Valider les enjeux partagés");
    }

    /**
     * A mayor of alpha with this address, and a partnership waiting for alpha's mayors to
     * validate its stakes.
     */
    private PartnershipScenario waitingForStakesOf(String mayor, String firstName, String lastName, String email) {
        User user = identity.newUser(mayor);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword("Sans-Adresse-2026");
        identity.saveUser(user);
        identity.createMembership(mayor, "collectivites.alpha");
        PartnershipScenario scenario = startAs("cat.alpha");
        scenario.complete("Task_SharedDiagnostic", values("fragilities", json("emploi"), "territoryAssets",
                "Des atouts nombreux.", "keyActors", "La mairie et ses partenaires."));
        scenario.complete("Task_MapStakeholders", values("candidateOrganisations", json("asso-alpha")));
        scenario.complete("Task_AcquaintanceMeeting", values("meetingDate", "2027-01-15", "attendeeCount", 5,
                "meetingSummary", "Une rencontre riche et utile."));
        return scenario;
    }

    private PartnershipScenario startAs(String catalyst) {
        PartnershipScenario scenario = new PartnershipScenario(engine, access);
        String id = access
            .actingAs(catalyst,
                    () -> engine.getRuntimeService()
                        .startProcessInstanceByKey("partnership-lifecycle", PartnershipScenario.startValues(name)))
            .getId();
        return scenario.attach(id);
    }

    private List<Job> announcements(PartnershipScenario scenario) {
        return engine.getManagementService()
            .createJobQuery()
            .processInstanceId(scenario.id())
            .list()
            .stream()
            .filter(job -> ((JobEntity) job).getJobHandlerConfigurationRaw().contains("|ASSIGNMENT|"))
            .toList();
    }

}
