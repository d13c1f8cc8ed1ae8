package fr.catalyse.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.access.PasswordLinks;
import fr.catalyse.notification.Mailbox;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The programme team imports participants from a CSV file over HTTP: accounts, groups,
 * tenants and records in one go, a welcome email with a single-use link to choose a
 * password, line-by-line French errors and nothing applied when the file is wrong.
 */
class ParticipantImportIntegrationTest extends IntegrationTestSupport {

    static final Pattern LINK = Pattern.compile("https://catalyse\\.test/mot-de-passe\\?jeton=([A-Za-z0-9_-]+)");

    @Autowired
    IdentityService identity;

    @Autowired
    ParticipantRepository participants;

    @Autowired
    PasswordLinks passwords;

    @Autowired
    ForgottenPasswordRequests forgottenPasswords;

    String suffix;

    Mailbox mailbox;

    @BeforeEach
    void programmeTeam() {
        registerTestDirectory();
        suffix = UUID.randomUUID().toString().substring(0, 6);
        mailbox = new Mailbox(smtp);
    }

    String csv() {
        return "territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role\n"
                + "gamma-" + suffix + ";Territoire Gamma;;;;nina." + suffix + ";Nina;Nouvelle;nina." + suffix
                + "@gamma.test;catalyseur\n" + "delta-" + suffix + ";Territoire Delta;;;;nina." + suffix
                + ";Nina;Nouvelle;nina." + suffix + "@gamma.test;catalyseur\n" + "gamma-" + suffix
                + ";Territoire Gamma;asso-" + suffix + ";Les Amis de Gamma;association;omar." + suffix
                + ";Omar;Orga;omar." + suffix + "@gamma.test;association\n";
    }

    @Test
    void anImportCreatesAccountsGroupsTenantsAndRecordsAndWelcomesNewcomers() {
        var response = upload("prog.test", csv());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("created").toString()).contains("nina." + suffix, "omar." + suffix);
        String nina = "nina." + suffix;
        assertThat(identity.createGroupQuery().groupMember(nina).list()).extracting(Group::getId)
            .contains("catalyseurs", "catalyseurs.gamma-" + suffix, "catalyseurs.delta-" + suffix);
        assertThat(identity.createTenantQuery().userMember(nina).includingGroupsOfUser(true).list())
            .extracting(Tenant::getId)
            .containsExactlyInAnyOrder("gamma-" + suffix, "delta-" + suffix);
        assertThat(identity.createGroupQuery().groupMember("omar." + suffix).list()).extracting(Group::getId)
            .contains("associations.gamma-" + suffix, "organisation.asso-" + suffix);
        assertThat(inTransaction(() -> participants.findByUserId(nina).orElseThrow().getTerritories().size()))
            .isEqualTo(2);

        List<Mailbox.Mail> welcome = mailbox.to(nina + "@gamma.test", "Bienvenue dans Catalyse");
        assertThat(welcome).hasSize(1);
        assertThat(welcome.get(0).body()).contains("Votre identifiant : " + nina, "Choisir mon mot de passe")
            .contains("en tant que catalyseur territorial (Territoire Delta, Territoire Gamma)")
            .doesNotContainIgnoringCase("votre mot de passe :")
            .doesNotContain("Nouveau-Depart");
        assertThat(rest().as(nina, "Nouveau-Depart-2026").get("/engine-rest/engine").status()).as("no password yet")
            .isEqualTo(401);

        String token = token(welcome.get(0).body());
        assertThat(rest().get("/mot-de-passe?jeton=" + token).body()).contains(nina);
        var chosen = form("/mot-de-passe",
                "jeton=" + token + "&motDePasse=Nouveau-Depart-2026&confirmation=Nouveau-Depart-2026");
        assertThat(chosen.body()).contains("Votre mot de passe est enregistré");
        assertThat(rest().as(nina, "Nouveau-Depart-2026").get("/engine-rest/engine").status()).isEqualTo(200);
        assertThat(
                form("/mot-de-passe", "jeton=" + token + "&motDePasse=Autre-Essai-2026&confirmation=Autre-Essai-2026")
                    .body())
            .contains("Ce lien n&#39;est plus valable");
    }

    @Test
    void importingTheSameFileAgainChangesNothingAndWelcomesNobody() {
        upload("prog.test", csv());
        long users = identity.createUserQuery().count();

        var again = upload("prog.test", csv());

        assertThat(again.json().get("created").size()).isZero();
        assertThat(again.json().get("updated").size()).isEqualTo(2);
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(mailbox.about("Bienvenue dans Catalyse").stream().filter(mail -> mail.to().contains(suffix)))
            .hasSize(2);
    }

    @Test
    void aFileWithErrorsIsRefusedLineByLineAndNothingIsApplied() {
        long users = identity.createUserQuery().count();
        String bad = csv() + "gamma-" + suffix + ";Territoire Gamma;;;;zoe." + suffix
                + ";Zoé;Z;zoe-at-gamma;catalyseur\n" + ";;;;;yves." + suffix + ";Yves;Y;yves@gamma.test;magicien\n";

        var response = upload("prog.test", bad);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("2 ligne(s) à corriger. Rien n'a été modifié.");
        assertThat(response.json().get("erreurs").toString())
            .contains("Ligne 5 : adresse e-mail « zoe-at-gamma » invalide", "Ligne 6 : rôle « magicien » inconnu");
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(participants.findByUserId("nina." + suffix)).isEmpty();
    }

    /**
     * The engine refuses a password that contains the person's id, first name, last name
     * or email (case ignored): the initial secret must avoid them however short they are.
     */
    @Test
    void peopleWithVeryShortNamesAreImportedAndInvitedLikeAnyoneElse() {
        String header = DirectoryCsv.COLUMNS.stream().collect(java.util.stream.Collectors.joining(";")) + "\n";
        String territory = "gamma-" + suffix + ";Territoire Gamma;;;;";
        String csv = header + territory + "ana." + suffix + ";Ana;A1;ana." + suffix + "@gamma.test;catalyseur\n"
                + territory + "lea." + suffix + ";E;Le;lea." + suffix + "@gamma.test;catalyseur\n" + territory + "li."
                + suffix + ";Li;Li;li." + suffix + "@gamma.test;catalyseur\n";

        var response = upload("prog.test", csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("created").toString()).contains("ana." + suffix, "lea." + suffix,
                "li." + suffix);
        assertThat(identity.createUserQuery().userIdIn("ana." + suffix, "lea." + suffix, "li." + suffix).count())
            .isEqualTo(3);
        assertThat(mailbox.to("ana." + suffix + "@gamma.test", "Bienvenue dans Catalyse")).hasSize(1);
    }

    @Test
    void theInitialSecretNeverContainsTheNamesTheEnginePolicyForbids() {
        for (String[] person : new String[][] { { "a1", "Ana", "A1", "a@a.fr" }, { "e", "E", "Le", "e@li.fr" },
                { "x9", "Li", "Z", "!@x.fr" } }) {
            User user = identity.newUser(person[0]);
            user.setFirstName(person[1]);
            user.setLastName(person[2]);
            user.setEmail(person[3]);
            for (int attempt = 0; attempt < 500; attempt++) {
                String secret = passwords.unknownPassword(person[0], person[1], person[2], person[3]);
                assertThat(identity.checkPasswordAgainstPolicy(secret, user).isValid()).as(secret + " for " + person[2])
                    .isTrue();
            }
        }
    }

    @Test
    void aLineTheEngineRefusesIsNamedInFrenchAndNothingIsApplied() {
        long users = identity.createUserQuery().count();
        // The engine's group ids hold 64 characters: "organisation." and a 60-character
        // code do not fit.
        String longCode = ("asso-" + suffix + "-" + "x".repeat(60)).substring(0, 60);
        String csv = csv() + "gamma-" + suffix + ";Territoire Gamma;" + longCode
                + ";Association au long code;association;paul." + suffix + ";Paul;Pauline;paul." + suffix
                + "@gamma.test;association\n";

        var response = upload("prog.test", csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("n'a pas été importé")
            .contains("Rien n'a été modifié");
        assertThat(response.json().get("erreurs").toString())
            .contains("Ligne 5 (paul." + suffix + ") : une valeur est trop longue");
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(participants.findByUserId("nina." + suffix)).isEmpty();
        assertThat(identity.createTenantQuery().tenantId("gamma-" + suffix).count()).isZero();
    }

    @Test
    void aLineOurOwnRecordsRefuseIsNamedInFrenchAndNothingIsApplied() {
        long users = identity.createUserQuery().count();
        String csv = csv() + "gamma-" + suffix + ";Territoire Gamma;;;;long." + suffix + ";" + "Marie-".repeat(25)
                + ";Long;long." + suffix + "@gamma.test;catalyseur\n";

        var response = upload("prog.test", csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).contains("la ligne 5 n'a pas pu être enregistrée");
        assertThat(response.json().get("erreurs").toString())
            .contains("Ligne 5 (long." + suffix + ") : une valeur est trop longue");
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(participants.findByUserId("nina." + suffix)).isEmpty();
    }

    @Test
    void aFileOfMoreLinesThanTheLimitIsRefusedNamingItAndNothingIsApplied() {
        long users = identity.createUserQuery().count();
        String file = manyLines(5001);

        var response = upload("prog.test", file);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("message").asText()).isEqualTo(
                "Le fichier n'a pas été importé : il compte plus de 5000 lignes de participants, le maximum d'un import. "
                        + "Découpez-le en plusieurs fichiers. Rien n'a été modifié.");
        assertThat(response.json().get("erreurs").toString())
            .contains("Ligne 5002 : au-delà de 5000 lignes de participants, le maximum d'un fichier");
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(participants.findByUserId("masse1." + suffix)).isEmpty();
        assertThat(queuedEmails()).isEmpty();
    }

    @Test
    void aFormUploadOfMoreLinesThanTheLimitIsRefusedLikeABodyWhileASmallOneIsImported() {
        long users = identity.createUserQuery().count();

        var tooMany = uploadFile("prog.test", manyLines(5001));

        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.json().get("message").asText()).contains("plus de 5000 lignes de participants",
                "Rien n'a été modifié");
        assertThat(identity.createUserQuery().count()).isEqualTo(users);

        var small = uploadFile("prog.test", csv());
        assertThat(small.status()).as(small.toString()).isEqualTo(200);
        assertThat(small.json().get("created").toString()).contains("nina." + suffix, "omar." + suffix);
    }

    @Test
    void aLineLongerThanAnyDirectoryLineStopsTheReadingAndIsNamedInFrench() {
        long users = identity.createUserQuery().count();
        // Four megabytes without a line break: read no further than the limit of a line.
        String file = csv() + "gamma-" + suffix + ";Territoire Gamma;;;;long." + suffix + ";"
                + "A".repeat(4 * 1024 * 1024) + ";Long;long@gamma.test;catalyseur\n";

        var response = upload("prog.test", file);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("erreurs").toString())
            .contains("Ligne 5 : plus de 2000 caractères, bien plus qu'une ligne de l'annuaire n'en compte");
        assertThat(identity.createUserQuery().count()).isEqualTo(users);
        assertThat(participants.findByUserId("nina." + suffix)).isEmpty();
    }

    @Test
    void aFormUploadOverTheContainersSizeLimitAnswersAFrench413() {
        var response = uploadFile("prog.test", csv() + "#".repeat(2 * 1024 * 1024));

        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(response.json().get("message").asText())
            .startsWith("Fichier refusé : il dépasse la taille maximale d'un envoi");
        assertThat(participants.findByUserId("nina." + suffix)).isEmpty();
    }

    /** A valid file of that many new participants of one territory. */
    private String manyLines(int count) {
        StringBuilder file = new StringBuilder(String.join(";", DirectoryCsv.COLUMNS)).append('\n');
        for (int number = 1; number <= count; number++) {
            file.append("masse-")
                .append(suffix)
                .append(";Territoire Masse;;;;masse")
                .append(number)
                .append('.')
                .append(suffix)
                .append(";Marie;Masse;masse")
                .append(number)
                .append('.')
                .append(suffix)
                .append("@masse.test;catalyseur\n");
        }
        return file.toString();
    }

    @Test
    void onlyTheProgrammeTeamImports() {
        assertThat(upload("cat.alpha", csv()).status()).isEqualTo(403);
        assertThat(rest().send("/api/participants/import", "text/csv", HttpRequest.BodyPublishers.ofString(csv()))
            .status()).isEqualTo(401);
    }

    @Test
    void aParticipantWhoForgotTheirPasswordGetsANewLinkByEmail() {
        upload("prog.test", csv());
        String omar = "omar." + suffix;

        assertThat(form("/mot-de-passe-oublie", "identifiant=" + omar + "@gamma.test").body())
            .contains("Si un compte correspond");
        assertThat(form("/mot-de-passe-oublie", "identifiant=personne-" + suffix).body())
            .contains("Si un compte correspond");

        List<Mailbox.Mail> reset = mailbox.to(omar + "@gamma.test", "Choisir un nouveau mot de passe");
        assertThat(reset).hasSize(1);
        form("/mot-de-passe", "jeton=" + token(reset.get(0).body())
                + "&motDePasse=Jardin-Partage-2027&confirmation=Jardin-Partage-2027");
        assertThat(rest().as(omar, "Jardin-Partage-2027").get("/engine-rest/engine").status()).isEqualTo(200);
    }

    /**
     * Uploads the file, then runs the welcome emails' jobs, as the job executor does
     * right after the import.
     */
    private fr.catalyse.RestCalls.Response upload(String user, String csv) {
        var response = rest().as(user)
            .send("/api/participants/import", "text/csv",
                    HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
        sendQueuedEmails();
        return response;
    }

    /** Uploads the file as a browser's form does (multipart, part « fichier »). */
    private fr.catalyse.RestCalls.Response uploadFile(String user, String csv) {
        String boundary = "----catalyse" + UUID.randomUUID();
        String body = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"fichier\"; filename=\"participants.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        var response = rest().as(user)
            .send("/api/participants/import", "multipart/form-data; boundary=" + boundary,
                    HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        sendQueuedEmails();
        return response;
    }

    /**
     * Posts a page's form, then runs the emails it queued (a password link, queued once
     * the page has answered).
     */
    private fr.catalyse.RestCalls.Response form(String path, String body) {
        var response = rest().send(path, "application/x-www-form-urlencoded",
                HttpRequest.BodyPublishers.ofString(body));
        forgottenPasswords.awaitHandled();
        sendQueuedEmails();
        return response;
    }

    private static String token(String body) {
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("link in " + body).isTrue();
        return link.group(1);
    }

}
