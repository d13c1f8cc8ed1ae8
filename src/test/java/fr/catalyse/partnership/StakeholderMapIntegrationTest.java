package fr.catalyse.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.notification.Mailbox;
import fr.catalyse.territory.DirectoryCsv;
import fr.catalyse.territory.Organisation;
import fr.catalyse.territory.OrganisationKind;
import fr.catalyse.territory.OrganisationRepository;
import fr.catalyse.territory.Participant;
import fr.catalyse.territory.ParticipantRepository;
import fr.catalyse.territory.TerritoryRepository;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mapping the stakeholders of a partnership in a territory where no organisation is
 * registered yet, over HTTP as the catalyst: the checklist offers nothing, so the
 * catalyst adds the organisations from the form; they enter the directory, their contacts
 * are welcomed like imported participants, and the matchmaking asks them for their needs.
 * Each test has a territory of its own, empty at first.
 */
class StakeholderMapIntegrationTest extends IntegrationTestSupport {

    static final Pattern LINK = Pattern.compile("https://catalyse\\.test/mot-de-passe\\?jeton=([A-Za-z0-9_-]+)");

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    TerritoryRepository territories;

    @Autowired
    OrganisationRepository organisations;

    @Autowired
    ParticipantRepository participants;

    String suffix;

    String territory;

    String catalyst;

    String mayor;

    String instance;

    Mailbox mailbox;

    @BeforeEach
    void anEmptyTerritoryWithItsCatalystAndMayor() throws IOException {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        territory = "neuf-" + suffix;
        catalyst = "cat." + suffix;
        mayor = "elu." + suffix;
        String csv = String.join("\n", String.join(";", DirectoryCsv.COLUMNS),
                territory + ";Territoire Neuf " + suffix + ";;;;" + catalyst + ";Nadia;Neuf;" + catalyst
                        + "@neuf.test;catalyseur",
                territory + ";Territoire Neuf " + suffix + ";;;;" + mayor + ";Marc;Neuf;" + mayor
                        + "@neuf.test;collectivite");
        directory.register(DirectoryCsv.read(new StringReader(csv)).entries(), userId -> PASSWORD);
        mailbox = new Mailbox(smtp);
        startAndDiagnose();
    }

    @Test
    void theCatalystAddsAnOrganisationAndItsContactWhoIsWelcomedAndAskedForItsNeeds() {
        String task = openTask(catalyst, "Task_MapStakeholders");
        assertThat(formVariables(task).get("territoryOrganisations").get("value").asText())
            .as("nothing to choose from in a territory without organisations")
            .isEqualTo("[]");
        String email = "ines." + suffix + "@velo.test";

        var mapped = submit(task, List.of(organisation("Vélo Solidaire", "association", "Inès", "Roue", email)));

        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(204);
        List<Organisation> registered = organisationsOfTerritory();
        assertThat(registered).extracting(Organisation::getName).containsExactly("Vélo Solidaire");
        Organisation added = registered.get(0);
        assertThat(added.getKind()).isEqualTo(OrganisationKind.ASSOCIATION);
        assertThat(added.getCode()).startsWith("velo-solidaire").matches("[a-z0-9][a-z0-9-]{0,62}");
        Participant contact = participants.findFirstByEmailIgnoreCase(email).orElseThrow();
        assertThat(contact.getUserId()).startsWith("ines.roue");
        assertThat(identity.createGroupQuery().groupMember(contact.getUserId()).list()).extracting(Group::getId)
            .contains("organisation." + added.getCode(), "associations." + territory)
            .doesNotContain("collectivites." + territory, "financeurs." + territory, "catalyseurs." + territory);

        sendQueuedEmails();
        List<Mailbox.Mail> welcome = mailbox.to(email, "Bienvenue dans Catalyse");
        assertThat(welcome).hasSize(1);
        assertThat(welcome.get(0).body()).contains("Votre identifiant : " + contact.getUserId(),
                "Choisir mon mot de passe");
        var chosen = rest().send("/mot-de-passe", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("jeton=" + token(welcome.get(0).body())
                        + "&motDePasse=Pedale-Douce-2027&confirmation=Pedale-Douce-2027"));
        assertThat(chosen.body()).contains("Votre mot de passe est enregistré");

        // The local authority sends the diagnostic back: the next mapping offers the new
        // organisation, already checked,
        // and submitting it as it opens neither refuses it nor registers or welcomes
        // anyone twice.
        work(catalyst, "Task_AcquaintanceMeeting", vars("meetingDate", text("2027-02-10"), "attendeeCount", number(9),
                "meetingSummary", text("Premier tour de table avec l'association.")));
        work(mayor, "Task_ValidateSharedStakes",
                vars("stakesDecision", text("reprendre"), "stakesComment", text("À préciser.")));
        work(catalyst, "Task_SharedDiagnostic", vars());
        String again = openTask(catalyst, "Task_MapStakeholders");
        JsonNode reopened = formVariables(again);
        assertThat(reopened.get("territoryOrganisations").get("value").asText()).contains(added.getCode(),
                "Vélo Solidaire (Association)");
        assertThat(reopened.get("candidateOrganisations").get("value").asText()).contains(added.getCode());
        assertThat(reopened.get("newOrganisations").get("value").isNull()).as("the added lines are not handed back")
            .isTrue();
        var remapped = rest().as(catalyst)
            .post("/engine-rest/task/" + again + "/submit-form",
                    Map.of("variables", vars("candidateOrganisations", reopened.get("candidateOrganisations"))));
        assertThat(remapped.status()).as(remapped.toString()).isEqualTo(204);
        assertThat(organisationsOfTerritory()).hasSize(1);
        work(catalyst, "Task_AcquaintanceMeeting", vars("meetingDate", text("2027-03-10"), "attendeeCount", number(11),
                "meetingSummary", text("Diagnostic repris ensemble.")));
        work(mayor, "Task_ValidateSharedStakes", vars("stakesDecision", text("valider")));
        sendQueuedEmails();
        assertThat(mailbox.to(email, "Bienvenue dans Catalyse")).hasSize(1);

        List<JsonNode> contactTasks = visible(contact.getUserId(), "Pedale-Douce-2027");
        assertThat(contactTasks).extracting(seen -> seen.get("taskDefinitionKey").asText())
            .containsExactly("Task_StateNeeds");
        assertThat(engine.getTaskService().getVariable(contactTasks.get(0).get("id").asText(), "organisation"))
            .isEqualTo(added.getCode());
    }

    @Test
    void withNothingChosenAndNothingAddedTheMapIsRefusedInFrenchAndStaysOpen() {
        String task = openTask(catalyst, "Task_MapStakeholders");

        var refused = submit(task, List.of());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("message").asText())
            .contains("associez au moins une organisation", "aucune organisation du territoire n'est encore inscrite")
            .doesNotContain("ENGINE-");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).as("task still open").isOne();
        assertThat(organisationsOfTerritory()).isEmpty();
    }

    @Test
    void contactsAreCheckedLineByLineAndNothingIsRegisteredWhileOneIsWrong() {
        String task = openTask(catalyst, "Task_MapStakeholders");
        var velo = organisation("Vélo Solidaire", "association", "Inès", "Roue", "ines." + suffix + "@velo.test");

        var badEmail = submit(task,
                List.of(velo, organisation("Atelier Bois", "entreprise", "Paul", "Copeau", "paul-at-bois")));
        var halfContact = submit(task, List.of(organisation("Atelier Bois", "entreprise", "Paul", "Copeau", "")));

        assertThat(badEmail.status()).as(badEmail.toString()).isEqualTo(400);
        assertThat(badEmail.json().get("message").asText())
            .contains("E-mail du contact", "Nouvelles organisations, ligne 2")
            .doesNotContain("ligne 1");
        assertThat(halfContact.status()).as(halfContact.toString()).isEqualTo(400);
        assertThat(halfContact.json().get("message").asText()).contains(
                "Nouvelles organisations, ligne 1 : pour ouvrir un compte au contact, donnez son prénom, son nom et son e-mail");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isOne();
        assertThat(organisationsOfTerritory()).isEmpty();
        assertThat(participants.findFirstByEmailIgnoreCase("ines." + suffix + "@velo.test")).isEmpty();
        sendQueuedEmails();
        assertThat(mailbox.about("Bienvenue dans Catalyse").stream().filter(mail -> mail.to().contains(suffix)))
            .isEmpty();
    }

    @Test
    void aLocalAuthorityIsAddedWithoutAnAccountForItsContactWhichTheProgrammeTeamOpens() {
        String task = openTask(catalyst, "Task_MapStakeholders");

        var withContact = submit(task, List.of(organisation("Communauté de communes", "collectivite", "Marc", "Maire",
                "marc." + suffix + "@cc.test")));
        var withoutContact = submit(task,
                List.of(organisation("Communauté de communes", "collectivite", null, null, null)));

        assertThat(withContact.status()).as(withContact.toString()).isEqualTo(400);
        assertThat(withContact.json().get("message").asText()).contains("ligne 1", "est ouvert par l'équipe programme",
                "ajoutez l'organisation sans contact");
        assertThat(withoutContact.status()).as(withoutContact.toString()).isEqualTo(204);
        assertThat(organisationsOfTerritory()).extracting(Organisation::getKind)
            .containsExactly(OrganisationKind.COLLECTIVITE);
        assertThat(participants.findFirstByEmailIgnoreCase("marc." + suffix + "@cc.test")).isEmpty();
    }

    @Test
    void theFormOffersEveryKindOfOrganisationByItsFrenchName() throws IOException {
        JsonNode form = new ObjectMapper().readTree(Path.of("forms/partnership-stakeholder-map.form").toFile());
        List<JsonNode> kinds = new ArrayList<>();
        field(form, "organisationKind").get("values").forEach(kinds::add);

        assertThat(kinds).extracting(kind -> OrganisationKind.parse(kind.get("value").asText()).orElseThrow())
            .containsExactly(OrganisationKind.values());
        assertThat(kinds).extracting(kind -> kind.get("label").asText())
            .containsExactly(java.util.Arrays.stream(OrganisationKind.values())
                .map(OrganisationKind::label)
                .toArray(String[]::new));
    }

    private static JsonNode field(JsonNode container, String key) {
        for (JsonNode component : container.path("components")) {
            JsonNode found = key.equals(component.path("key").asText()) ? component : field(component, key);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    // --- steps
    // -------------------------------------------------------------------------------

    private void startAndDiagnose() {
        var started = rest().as(catalyst)
            .post("/engine-rest/process-definition/key/partnership-lifecycle/start",
                    Map.of("variables",
                            vars("partnershipName", text("Mobilité douce " + suffix), "territory", text(territory),
                                    "partnershipKind", text("innovation-societale"), "objectives",
                                    json("[\"qualite-de-vie\"]"), "fragilities", json("[\"mobilite\"]"))));
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        instance = started.json().get("id").asText();
        work(catalyst, "Task_SharedDiagnostic", vars("fragilities", json("[\"mobilite\"]"), "territoryAssets",
                text("Des pistes cyclables et des bénévoles."), "keyActors", text("Aucun acteur encore inscrit.")));
    }

    private RestCalls.Response submit(String task, List<Map<String, Object>> added) {
        return rest().as(catalyst)
            .post("/engine-rest/task/" + task + "/submit-form",
                    Map.of("variables", vars("candidateOrganisations", json("[]"), "newOrganisations",
                            json(write(added)), "stakeholderNotes", text("L'association mobilise les cyclistes."))));
    }

    private static Map<String, Object> organisation(String name, String kind, String firstName, String lastName,
            String email) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("organisationName", name);
        line.put("organisationKind", kind);
        line.put("contactFirstName", firstName);
        line.put("contactLastName", lastName);
        line.put("contactEmail", email);
        return line;
    }

    private List<Organisation> organisationsOfTerritory() {
        return organisations.findByTerritoryOrderByName(territories.findByCode(territory).orElseThrow());
    }

    /**
     * The user finds the task, claims it if it is offered to a group, and completes it.
     */
    private void work(String user, String taskKey, Map<String, Object> variables) {
        String task = openTask(user, taskKey);
        if (engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee() == null) {
            var claimed = rest().as(user).post("/engine-rest/task/" + task + "/claim", Map.of("userId", user));
            assertThat(claimed.status()).as(user + " claims " + taskKey + ": " + claimed).isEqualTo(204);
        }
        var completed = rest().as(user).post("/engine-rest/task/" + task + "/complete", Map.of("variables", variables));
        assertThat(completed.status()).as(user + " completes " + taskKey + ": " + completed).isEqualTo(204);
    }

    private String openTask(String user, String taskKey) {
        List<JsonNode> tasks = visible(user, PASSWORD).stream()
            .filter(task -> task.get("taskDefinitionKey").asText().equals(taskKey))
            .toList();
        assertThat(tasks).as(user + " sees " + taskKey).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private List<JsonNode> visible(String user, String password) {
        var response = rest().as(user, password).get("/engine-rest/task?processInstanceId=" + instance);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().spliterator(), false).toList();
    }

    private JsonNode formVariables(String task) {
        var response = rest().as(catalyst).get("/engine-rest/task/" + task + "/form-variables?deserializeValues=false");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static String token(String body) {
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("link in " + body).isTrue();
        return link.group(1);
    }

    private static String write(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        }
        catch (IOException unwritable) {
            throw new IllegalStateException(unwritable);
        }
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static Map<String, Object> text(String value) {
        return Map.of("value", value, "type", "String");
    }

    private static Map<String, Object> number(long value) {
        return Map.of("value", value, "type", "Long");
    }

    private static Map<String, Object> json(String value) {
        return Map.of("value", value, "type", "Json");
    }

}
