package fr.catalyse.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.notification.Mailbox;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import fr.catalyse.notification.NoticeJobs;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The participant import creates and updates the programme's participants, and nothing
 * else: the operator's account and accounts outside the programme directory are refused
 * line by line, and a participant's new email address takes effect only once confirmed
 * from that address, the old one being told. Otherwise the programme team could point any
 * account at its own mailbox and take it over with « mot de passe oublié ».
 */
class ImportCannotTakeOverAccountsIntegrationTest extends IntegrationTestSupport {

    static final Pattern CONFIRMATION = Pattern
        .compile("https://catalyse\\.test/adresse-email\\?jeton=([A-Za-z0-9_-]+)");
    static final String HEADER = String.join(";", DirectoryCsv.COLUMNS) + "\n";

    @Autowired
    IdentityService identity;

    @Autowired
    ParticipantRepository participants;

    @Autowired
    ForgottenPasswordRequests forgottenPasswords;

    @Autowired
    RuntimeService runtime;

    String suffix;

    Mailbox mailbox;

    @BeforeEach
    void programmeTeam() {
        registerTestDirectory();
        suffix = UUID.randomUUID().toString().substring(0, 6);
        mailbox = new Mailbox(smtp);
    }

    @Test
    void aLineRewritingTheOperatorsEmailIsRefusedAndNothingIsApplied() {
        String adminEmail = identity.createUserQuery().userId(RestCalls.ADMIN).singleResult().getEmail();
        String csv = HEADER + newcomer("nina") + ";;;;;admin;Opérateur;Catalyse;pirate." + suffix
                + "@evil.test;programme\n";

        var response = upload(csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("n'a pas été importé")
            .contains("Rien n'a été modifié");
        assertThat(response.json().get("erreurs").toString()).contains("Ligne 3 (admin)").contains("opérateur");
        assertThat(identity.createUserQuery().userId(RestCalls.ADMIN).singleResult().getEmail()).isEqualTo(adminEmail);
        assertThat(participants.findByUserId(RestCalls.ADMIN)).as("the operator joins no directory").isEmpty();
        assertThat(participants.findByUserId("nina." + suffix)).as("the whole file or nothing").isEmpty();
        assertThat(identity.createUserQuery().userId("nina." + suffix).count()).isZero();

        forgot(RestCalls.ADMIN);
        forgot("pirate." + suffix + "@evil.test");
        assertThat(mailbox.about(suffix + "@evil.test").stream().filter(mail -> mail.to().contains("evil.test")))
            .as("nothing ever goes to the address of the file")
            .isEmpty();
        assertThat(rest().as(RestCalls.ADMIN).get("/engine-rest/engine").status()).as("the operator still signs in")
            .isEqualTo(200);
    }

    @Test
    void aLineForAnEngineAccountOutsideTheDirectoryIsRefused() {
        String outsider = "outil." + suffix;
        var created = rest().as(RestCalls.ADMIN)
            .post("/engine-rest/user/create",
                    Map.of("profile", Map.of("id", outsider, "firstName", "Outil", "lastName", "Externe", "email",
                            outsider + "@ops.test"), "credentials", Map.of("password", "Ranger-Clef-2026!")));
        assertThat(created.status()).as("the operator creates an account in Admin: " + created).isEqualTo(204);

        var response = upload(HEADER + newcomer("omar") + ";;;;;" + outsider + ";Outil;Externe;pirate." + suffix
                + "@evil.test;programme\n");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("erreurs").toString()).contains("Ligne 3 (" + outsider + ")")
            .contains("hors de l'annuaire du programme");
        assertThat(identity.createUserQuery().userId(outsider).singleResult().getEmail())
            .isEqualTo(outsider + "@ops.test");
        assertThat(identity.createGroupQuery().groupMember(outsider).list()).as("no role given either").isEmpty();
        assertThat(participants.findByUserId(outsider)).isEmpty();
        assertThat(participants.findByUserId("omar." + suffix)).isEmpty();
    }

    @Test
    void anImportStillCreatesAndUpdatesParticipantsNamesAndRoles() {
        String nina = "nina." + suffix;
        assertThat(upload(HEADER + newcomer("nina")).status()).isEqualTo(200);

        var again = upload(HEADER + "gamma-" + suffix + ";Territoire Gamma;;;;" + nina + ";Nina;Mariée;" + nina
                + "@gamma.test;collectivite\n" + newcomer("omar"));

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("created").toString()).contains("omar." + suffix).doesNotContain(nina);
        assertThat(again.json().get("updated").toString()).contains(nina);
        assertThat(identity.createUserQuery().userId(nina).singleResult().getLastName()).isEqualTo("Mariée");
        assertThat(participants.findByUserId(nina).orElseThrow().getLastName()).isEqualTo("Mariée");
        assertThat(participants.findByUserId(nina).orElseThrow().getRole())
            .isEqualTo(fr.catalyse.access.Role.LOCAL_AUTHORITY);
        assertThat(identity.createGroupQuery().groupMember(nina).list()).extracting(Group::getId)
            .contains("collectivites", "collectivites.gamma-" + suffix);
        assertThat(mailbox.to(nina + "@gamma.test", "Confirmez votre nouvelle adresse"))
            .as("same address, nothing to confirm")
            .isEmpty();
    }

    @Test
    void anImportChangingAParticipantsEmailAsksTheNewAddressToConfirmAndTellsTheOldOne() {
        String nina = "nina." + suffix;
        String before = nina + "@gamma.test";
        String after = "nina.nouvelle." + suffix + "@ailleurs.test";
        upload(HEADER + newcomer("nina"));

        var changed = rest().as("prog.test")
            .send("/api/participants/import", "text/csv",
                    HttpRequest.BodyPublishers.ofString(HEADER + "gamma-" + suffix + ";Territoire Gamma;;;;" + nina
                            + ";Nina;Nouvelle;" + after + ";catalyseur\n", StandardCharsets.UTF_8));

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(runtime.createProcessInstanceQuery()
            .processDefinitionKey(NoticeJobs.PROCESS_KEY)
            .processInstanceBusinessKeyLike("%" + nina)
            .list()).extracting(ProcessInstance::getBusinessKey)
            .as("both emails queued as retried engine jobs, none sent during the import")
            .containsExactlyInAnyOrder("Nouvelle adresse à confirmer — " + nina,
                    "Changement d'adresse annoncé — " + nina);
        assertThat(mailbox.to(after, "Confirmez votre nouvelle adresse")).isEmpty();
        sendQueuedEmails();
        assertThat(changed.json().get("updated").toString()).contains(nina);
        assertThat(changed.json().get("emailsToConfirm").toString()).contains(nina);
        assertThat(identity.createUserQuery().userId(nina).singleResult().getEmail()).as("not before it is confirmed")
            .isEqualTo(before);
        assertThat(participants.findByUserId(nina).orElseThrow().getEmail()).isEqualTo(before);

        List<Mailbox.Mail> notice = mailbox.to(before, "va changer");
        assertThat(notice).as("the old address is told").hasSize(1);
        assertThat(notice.get(0).body()).contains(after).contains("Si vous n'êtes pas à l'origine de cette demande");
        List<Mailbox.Mail> confirmation = mailbox.to(after, "Confirmez votre nouvelle adresse");
        assertThat(confirmation).hasSize(1);
        String token = token(confirmation.get(0).body());
        assertThat(rest().get("/mot-de-passe?jeton=" + token).body()).as("a confirmation is no password link")
            .contains("Ce lien n&#39;est plus valable");

        forgot(nina);
        List<Mailbox.Mail> reset = mailbox.to(before, "Choisir un nouveau mot de passe");
        assertThat(reset).as("until confirmed, links go to the old address").hasSize(1);
        assertThat(mailbox.to(after, "Choisir un nouveau mot de passe")).isEmpty();

        assertThat(rest().get("/adresse-email?jeton=" + token).body()).as("the page asks before it changes anything")
            .contains(after)
            .contains(nina);
        assertThat(identity.createUserQuery().userId(nina).singleResult().getEmail()).isEqualTo(before);
        var confirmed = page("/adresse-email", "jeton=" + token);
        assertThat(confirmed.body()).contains("Votre nouvelle adresse est enregistrée");
        assertThat(identity.createUserQuery().userId(nina).singleResult().getEmail()).isEqualTo(after);
        assertThat(participants.findByUserId(nina).orElseThrow().getEmail()).isEqualTo(after);
        assertThat(page("/adresse-email", "jeton=" + token).body()).as("single use").contains("n&#39;est plus valable");
        Matcher oldLink = ParticipantImportIntegrationTest.LINK.matcher(reset.get(0).body());
        assertThat(oldLink.find()).isTrue();
        assertThat(rest().get("/mot-de-passe?jeton=" + oldLink.group(1)).body())
            .as("a password link sent to the old address no longer opens the account")
            .contains("Ce lien n&#39;est plus valable");

        forgot(after);
        assertThat(mailbox.to(after, "Choisir un nouveau mot de passe")).hasSize(1);
    }

    private String newcomer(String name) {
        String userId = name + "." + suffix;
        return "gamma-" + suffix + ";Territoire Gamma;;;;" + userId + ";" + name + ";Nouvelle;" + userId
                + "@gamma.test;catalyseur\n";
    }

    private RestCalls.Response upload(String csv) {
        var response = rest().as("prog.test")
            .send("/api/participants/import", "text/csv",
                    HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        sendQueuedEmails();
        return response;
    }

    /**
     * Asks for a password link as a visitor would, then runs the email it queued, if any.
     */
    private void forgot(String identifier) {
        ForgottenPasswordPage.ask(port, identifier);
        forgottenPasswords.awaitHandled();
        sendQueuedEmails();
    }

    /** Posts a page's form, then runs the emails it queued. */
    private RestCalls.Response page(String path, String body) {
        var response = rest().send(path, "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(body));
        sendQueuedEmails();
        return response;
    }

    static String token(String body) {
        Matcher link = CONFIRMATION.matcher(body);
        assertThat(link.find()).as("confirmation link in " + body).isTrue();
        return link.group(1);
    }

}
