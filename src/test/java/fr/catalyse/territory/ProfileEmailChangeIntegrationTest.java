package fr.catalyse.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.Browser;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.RestCalls;
import fr.catalyse.notification.Mailbox;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A participant's new email address takes effect only once they follow the link sent to
 * it, and their old address is told, whichever way they change it: /engine-rest's
 * profile, the webapps' own API (Tasklist, Admin), or code acting as them. Until then «
 * mot de passe oublié » writes to the old address, so a stolen session cannot redirect
 * the account's password links. The operator changes addresses directly; nobody changes
 * someone else's.
 */
class ProfileEmailChangeIntegrationTest extends IntegrationTestSupport {

    static final Pattern CANCELLATION = Pattern
        .compile("https://catalyse\\.test/adresse-email/annuler\\?jeton=([A-Za-z0-9_-]+)");
    static final String CONFIRM = "Confirmez votre nouvelle adresse";

    @Autowired
    IdentityService identity;

    @Autowired
    ParticipantRepository participants;

    @Autowired
    ForgottenPasswordRequests forgottenPasswords;

    String suffix;

    String userId;

    String before;

    Mailbox mailbox;

    @BeforeEach
    void aParticipant() throws IOException {
        registerTestDirectory();
        suffix = UUID.randomUUID().toString().substring(0, 6);
        userId = "lea." + suffix;
        before = userId + "@alpha.test";
        directory.register(DirectoryCsv
            .read(new StringReader(String.join(";", DirectoryCsv.COLUMNS) + "\n" + "alpha;Territoire Alpha;;;;" + userId
                    + ";Léa;Avant;" + before + ";catalyseur\n"))
            .entries(), person -> PASSWORD);
        mailbox = new Mailbox(smtp);
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void aParticipantChangingTheirEmailOverEngineRestKeepsTheOldOneUntilTheNewOneIsConfirmed() {
        String after = "lea.ailleurs." + suffix + "@beta.test";

        var put = rest().as(userId)
            .put("/engine-rest/user/" + userId + "/profile",
                    Map.of("id", userId, "firstName", "Léa", "lastName", "Après", "email", after));
        sendQueuedEmails();

        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        var profile = rest().as(userId).get("/engine-rest/user/" + userId + "/profile").json();
        assertThat(profile.get("lastName").asText()).as("the rest of the profile changes at once").isEqualTo("Après");
        assertThat(profile.get("email").asText()).as("not the address").isEqualTo(before);

        List<Mailbox.Mail> notice = mailbox.to(before, "va changer");
        assertThat(notice).hasSize(1);
        assertThat(notice.get(0).body()).contains(after).contains("Si vous n'êtes pas à l'origine de cette demande");
        List<Mailbox.Mail> confirmation = mailbox.to(after, CONFIRM);
        assertThat(confirmation).hasSize(1);

        forgot(userId);
        assertThat(mailbox.to(before, "Choisir un nouveau mot de passe"))
            .as("password links still go to the old address")
            .hasSize(1);
        assertThat(mailbox.to(after, "Choisir un nouveau mot de passe")).isEmpty();

        String token = ImportCannotTakeOverAccountsIntegrationTest.token(confirmation.get(0).body());
        assertThat(confirm(token).body()).contains("Votre nouvelle adresse est enregistrée");
        assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(after);
        assertThat(participants.findByUserId(userId).orElseThrow().getEmail()).as("the directory follows")
            .isEqualTo(after);
        forgot(after);
        assertThat(mailbox.to(after, "Choisir un nouveau mot de passe")).hasSize(1);
    }

    @Test
    void aParticipantChangingTheirEmailThroughTheWebappsApiMustConfirmItToo() {
        String after = "lea.tasklist." + suffix + "@beta.test";
        Browser browser = Browser.on(port).signInToWebapp("tasklist", userId, PASSWORD);

        HttpResponse<String> put = browser.webappApi("PUT",
                "/camunda/api/engine/engine/default/user/" + userId + "/profile", "application/json",
                ("{\"id\":\"" + userId + "\",\"firstName\":\"Léa\",\"lastName\":\"Avant\",\"email\":\"" + after + "\"}")
                    .getBytes(StandardCharsets.UTF_8));
        sendQueuedEmails();

        assertThat(put.statusCode()).as(put.body()).isEqualTo(204);
        assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(before);
        assertThat(mailbox.to(before, "va changer")).hasSize(1);
        String token = ImportCannotTakeOverAccountsIntegrationTest.token(mailbox.to(after, CONFIRM).get(0).body());
        confirm(token);
        assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(after);
    }

    @Test
    void theOperatorChangesAnAddressDirectly() {
        String after = "lea.operateur." + suffix + "@beta.test";

        var put = rest().as(RestCalls.ADMIN)
            .put("/engine-rest/user/" + userId + "/profile",
                    Map.of("id", userId, "firstName", "Léa", "lastName", "Avant", "email", after));
        sendQueuedEmails();

        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(after);
        assertThat(participants.findByUserId(userId).orElseThrow().getEmail()).isEqualTo(after);
        assertThat(mailbox.to(after, CONFIRM)).isEmpty();
    }

    @Test
    void nobodyButTheOperatorChangesSomeoneElsesProfile() {
        // What the engine already enforces: a participant may not even read another
        // account (404), the
        // programme team reads every account but may update none (403): each account
        // grants its owner alone.
        Map<String, Integer> refusals = Map.of("cat.alpha", 404, "prog.test", 403);
        refusals.forEach((other, status) -> {
            var put = rest().as(other)
                .put("/engine-rest/user/" + userId + "/profile", Map.of("id", userId, "firstName", "Léa", "lastName",
                        "Avant", "email", other + ".pirate@evil.test"));
            assertThat(put.status()).as(other + ": " + put).isEqualTo(status);
            var operator = rest().as(other)
                .put("/engine-rest/user/" + RestCalls.ADMIN + "/profile", Map.of("id", RestCalls.ADMIN, "firstName",
                        "x", "lastName", "y", "email", other + ".pirate@evil.test"));
            assertThat(operator.status()).as(other + " on the operator: " + operator).isEqualTo(status);
        });
        sendQueuedEmails();

        assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(before);
        assertThat(identity.createUserQuery().userId(RestCalls.ADMIN).singleResult().getEmail())
            .isNotEqualTo("pirate@evil.test");
        assertThat(mailbox.about("evil.test").stream().filter(mail -> mail.to().contains("evil.test"))).isEmpty();
        assertThat(rest().as(userId)
            .put("/engine-rest/user/" + userId + "/profile",
                    Map.of("id", userId, "firstName", "Léa", "lastName", "Elle-même", "email", before))
            .status()).as("while the owner may edit their own profile").isEqualTo(204);
        assertThat(identity.createUserQuery().userId(userId).singleResult().getLastName()).isEqualTo("Elle-même");
    }

    @Test
    void aConfirmationLinkExpiresAfterSevenDaysAndALaterRequestReplacesAnEarlierOne() {
        String first = "lea.un." + suffix + "@beta.test";
        String second = "lea.deux." + suffix + "@beta.test";
        changeOwnEmail(first);
        String firstToken = ImportCannotTakeOverAccountsIntegrationTest.token(mailbox.to(first, CONFIRM).get(0).body());
        changeOwnEmail(second);
        String secondToken = ImportCannotTakeOverAccountsIntegrationTest
            .token(mailbox.to(second, CONFIRM).get(0).body());

        assertThat(confirm(firstToken).body()).as("replaced by the later request").contains("n&#39;est plus valable");
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 8L * 24 * 3600 * 1000));
        assertThat(confirm(secondToken).body()).as("expired").contains("n&#39;est plus valable");
        assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(before);
    }

    @Test
    void theOldAddressCancelsAChangeItDidNotAskFor() {
        String stolen = "pirate." + suffix + "@evil.test";
        changeOwnEmail(stolen);
        String confirmation = ImportCannotTakeOverAccountsIntegrationTest
            .token(mailbox.to(stolen, CONFIRM).get(0).body());
        Matcher cancel = CANCELLATION.matcher(mailbox.to(before, "va changer").get(0).body());
        assertThat(cancel.find()).as("a link to cancel in the notice").isTrue();

        assertThat(rest().get("/adresse-email/annuler?jeton=" + cancel.group(1)).body()).contains(stolen);
        var cancelled = rest().send("/adresse-email/annuler", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("jeton=" + cancel.group(1)));

        assertThat(cancelled.body()).contains("Le changement d'adresse est annulé");
        assertThat(confirm(confirmation).body()).contains("n&#39;est plus valable");
        assertThat(identity.createUserQuery().userId(userId).singleResult().getEmail()).isEqualTo(before);
    }

    private void changeOwnEmail(String email) {
        assertThat(rest().as(userId)
            .put("/engine-rest/user/" + userId + "/profile",
                    Map.of("id", userId, "firstName", "Léa", "lastName", "Avant", "email", email))
            .status()).isEqualTo(204);
        sendQueuedEmails();
    }

    private RestCalls.Response confirm(String token) {
        assertThat(rest().get("/adresse-email?jeton=" + token).status()).isEqualTo(200);
        var response = rest().send("/adresse-email", "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString("jeton=" + token));
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

}
