package fr.catalyse.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.notification.Mailbox;
import fr.catalyse.notification.NoticeJobs;
import fr.catalyse.notification.NotificationRecordRepository;
import fr.catalyse.notification.NotificationStatus;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Welcome and password-link emails are not lost when the mail server is down: the import
 * and the « mot de passe oublié » page answer as usual, the emails wait in engine jobs
 * retried with back-off, arrive once each when the server is back, and show as incidents
 * in Cockpit if it never comes back.
 */
class AccountEmailsDuringAnOutageIntegrationTest extends IntegrationTestSupport {

    static final int NEWCOMERS = 31;
    static final String WELCOME = "Bienvenue dans Catalyse";

    @Autowired
    ProcessEngine engine;

    @Autowired
    NotificationRecordRepository records;

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

    @AfterEach
    void serverBackAndNothingLeftQueued() {
        ClockUtil.reset();
        if (!smtp.isRunning()) {
            smtp.start();
        }
        // A test that failed half-way leaves no refused email behind for the next test
        // class to meet.
        ours().forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test terminé"));
    }

    @Test
    void everyWelcomeEmailOfAnImportDuringAnOutageArrivesOnceAfterIt() {
        List<String> newcomers = IntStream.rangeClosed(1, NEWCOMERS)
            .mapToObj(n -> "nouveau" + n + "." + suffix)
            .toList();
        smtp.stop();

        var imported = upload(csv(newcomers));

        assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
        assertThat(imported.json().get("created")).hasSize(NEWCOMERS);
        assertThat(ours()).as("one queued email per newcomer").hasSize(NEWCOMERS);
        assertThat(attemptDue()).as("refused while the server is down").isEqualTo(NEWCOMERS);
        assertThat(jobs()).hasSize(NEWCOMERS).allSatisfy(job -> {
            assertThat(job.getRetries()).as("five retries left: after 1, 5, 15, 60 and 240 minutes").isEqualTo(5);
            assertThat(job.getDuedate()).isAfter(ClockUtil.getCurrentTime());
            assertThat(job.getExceptionMessage()).contains("Envoi impossible");
        });
        assertThat(newcomers)
            .allSatisfy(userId -> assertThat(records.findByRecipientUserOrderByCreatedAt(userId)).singleElement()
                .satisfies(record -> assertThat(record.getStatus()).isEqualTo(NotificationStatus.FAILED)));
        assertThat(attemptDue()).as("nothing retried before its back-off").isZero();

        smtp.start();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 60_000));
        assertThat(attemptDue()).as("refused after the server is back").isZero();
        assertThat(attemptDue()).isZero();

        Map<String, Long> welcomes = mailbox.about(WELCOME)
            .stream()
            .filter(mail -> mail.to().endsWith(suffix + "@omega.test"))
            .collect(Collectors.groupingBy(Mailbox.Mail::to, Collectors.counting()));
        assertThat(welcomes).hasSize(NEWCOMERS);
        assertThat(welcomes.values()).containsOnly(1L);
        assertThat(ours()).as("every email-delivery instance ended").isEmpty();
        assertThat(newcomers)
            .allSatisfy(userId -> assertThat(records.findByRecipientUserOrderByCreatedAt(userId)).singleElement()
                .satisfies(record -> {
                    assertThat(record.getStatus()).isEqualTo(NotificationStatus.SENT);
                    assertThat(record.getAttempts()).isEqualTo(2);
                }));
        String first = newcomers.get(0);
        String body = mailbox.to(first + "@omega.test", WELCOME).get(0).body();
        assertThat(rest().get("/mot-de-passe?jeton=" + token(body)).body()).as("the link sent works").contains(first);
    }

    @Test
    void aWelcomeEmailThatNeverLeavesEndsAsAnIncidentCockpitShowsAndARetryThereSendsIt() throws Exception {
        String userId = "sans.serveur." + suffix;
        smtp.stop();
        assertThat(upload(csv(List.of(userId))).status()).isEqualTo(200);
        Job job = jobs().get(0);

        int attempts = 0;
        while (engine.getManagementService().createJobQuery().jobId(job.getId()).singleResult().getRetries() > 0) {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(job.getId()))
                .hasMessageContaining("Envoi impossible");
            attempts++;
            assertThat(attempts).as("retries run out").isLessThanOrEqualTo(6);
        }
        assertThat(attempts).isEqualTo(6);
        ProcessInstance instance = ours().get(0);
        assertThat(instance.getBusinessKey()).isEqualTo("Bienvenue — " + userId);
        List<Incident> incidents = engine.getRuntimeService()
            .createIncidentQuery()
            .processInstanceId(instance.getId())
            .list();
        assertThat(incidents).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("Task_SendEmail");
            assertThat(incident.getIncidentMessage()).contains("Envoi impossible");
        });

        JsonNode cockpit = cockpitIncidentsOf(instance.getId());
        assertThat(cockpit).as("Cockpit's incident list of the instance").hasSize(1);
        assertThat(cockpit.get(0).get("activityId").asText()).isEqualTo("Task_SendEmail");
        assertThat(cockpit.get(0).get("incidentMessage").asText()).contains("Envoi impossible");
        assertThat(mailbox.to(userId + "@omega.test", WELCOME)).isEmpty();

        smtp.start();
        // Cockpit's « retry » on the incident: one retry, due now (its dialog offers to
        // keep the due date or set one).
        String now = new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(ClockUtil.getCurrentTime());
        var retried = rest().as("prog.test")
            .put("/engine-rest/job/" + job.getId() + "/retries", Map.of("retries", 1, "dueDate", now));
        assertThat(retried.status()).as("the programme team retries it, as Cockpit does").isEqualTo(204);
        assertThat(sendQueuedEmails()).isEqualTo(1);

        assertThat(mailbox.to(userId + "@omega.test", WELCOME)).hasSize(1);
        assertThat(engine.getRuntimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
            .isZero();
        assertThat(ours()).isEmpty();
        assertThat(records.findByRecipientUserOrderByCreatedAt(userId)).singleElement()
            .satisfies(record -> assertThat(record.getStatus()).isEqualTo(NotificationStatus.SENT));
    }

    @Test
    void aPasswordLinkAskedForDuringAnOutageGetsTheUsualAnswerAndArrivesOnceAfterIt() {
        String userId = "oublieux." + suffix;
        upload(csv(List.of(userId)));
        sendQueuedEmails();
        smtp.stop();

        var known = forgot(userId + "@omega.test");
        var unknown = forgot("personne-" + suffix);

        assertThat(known.status()).isEqualTo(200);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(known.body()).contains("Si un compte correspond").isEqualTo(unknown.body());
        assertThat(attemptDue()).as("refused while the server is down").isEqualTo(1);

        smtp.start();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 60_000));
        assertThat(attemptDue()).isZero();
        assertThat(attemptDue()).isZero();

        List<Mailbox.Mail> reset = mailbox.to(userId + "@omega.test", "Choisir un nouveau mot de passe");
        assertThat(reset).hasSize(1);
        rest().send("/mot-de-passe", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers.ofString("jeton="
                + token(reset.get(0).body()) + "&motDePasse=Jardin-Partage-2027&confirmation=Jardin-Partage-2027"));
        assertThat(rest().as(userId, "Jardin-Partage-2027").get("/engine-rest/engine").status()).isEqualTo(200);
    }

    @Test
    void anInvitationSentAgainDuringAnOutageIsQueuedAndArrivesOnceAfterIt() {
        String userId = "relance." + suffix;
        upload(csv(List.of(userId)));
        sendQueuedEmails();
        String firstLink = token(mailbox.to(userId + "@omega.test", WELCOME).get(0).body());
        // GreenMail forgets what it received when it stops: from here on, only what comes
        // after the outage.
        smtp.stop();

        var again = rest().as("prog.test").post("/api/participants/" + userId + "/invitation", Map.of());

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("invitationProgrammee").asBoolean()).isTrue();
        assertThat(rest().as("cat.alpha").post("/api/participants/" + userId + "/invitation", Map.of()).status())
            .as("only the programme team invites")
            .isEqualTo(403);
        assertThat(attemptDue()).isEqualTo(1);
        smtp.start();
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 2 * 60_000));
        assertThat(attemptDue()).isZero();
        assertThat(attemptDue()).isZero();

        List<Mailbox.Mail> welcomes = mailbox.to(userId + "@omega.test", WELCOME);
        assertThat(welcomes).as("the invitation sent again, once").hasSize(1);
        assertThat(token(welcomes.get(0).body())).as("a new link").isNotEqualTo(firstLink);
    }

    private String csv(List<String> userIds) {
        StringBuilder csv = new StringBuilder(String.join(";", DirectoryCsv.COLUMNS)).append('\n');
        for (String userId : userIds) {
            csv.append("omega-")
                .append(suffix)
                .append(";Territoire Oméga;;;;")
                .append(userId)
                .append(";Olga;Oméga;")
                .append(userId)
                .append("@omega.test;catalyseur\n");
        }
        return csv.toString();
    }

    private fr.catalyse.RestCalls.Response upload(String csv) {
        return rest().as("prog.test")
            .send("/api/participants/import", "text/csv",
                    HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8));
    }

    /** Asks for a link; returns once the request is handled (the page answers before). */
    private fr.catalyse.RestCalls.Response forgot(String identifier) {
        var answer = rest().send("/mot-de-passe-oublie", "application/x-www-form-urlencoded", HttpRequest.BodyPublishers
            .ofString("identifiant=" + URLEncoder.encode(identifier, StandardCharsets.UTF_8)));
        forgottenPasswords.awaitHandled();
        return answer;
    }

    /**
     * This test's email-delivery instances still running (business keys end with its
     * suffix).
     */
    private List<ProcessInstance> ours() {
        return engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(NoticeJobs.PROCESS_KEY)
            .processInstanceBusinessKeyLike("%" + suffix)
            .list();
    }

    private List<Job> jobs() {
        List<Job> jobs = new ArrayList<>();
        ours().forEach(instance -> jobs
            .addAll(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).list()));
        return jobs;
    }

    /**
     * Runs this test's email jobs that are due, as the job executor would; returns how
     * many were refused.
     */
    private int attemptDue() {
        int refused = 0;
        for (Job job : jobs()) {
            if (job.getRetries() > 0
                    && (job.getDuedate() == null || !job.getDuedate().after(ClockUtil.getCurrentTime()))) {
                try {
                    engine.getManagementService().executeJob(job.getId());
                }
                catch (RuntimeException failed) {
                    refused++;
                }
            }
        }
        return refused;
    }

    /**
     * Signs in to Cockpit as the programme team, as a browser does, and reads the
     * instance's incidents as its page does.
     */
    private JsonNode cockpitIncidentsOf(String processInstanceId) throws IOException, InterruptedException {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port;
        var page = browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/cockpit/default/")).build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = page.headers()
            .firstValue("X-XSRF-TOKEN")
            .orElseGet(() -> cookies.getCookieStore()
                .getCookies()
                .stream()
                .filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElseThrow());
        var login = browser
            .send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers
                    .ofString("username=prog.test&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.discarding());
        assertThat(login.statusCode()).as("Cockpit login").isEqualTo(200);
        var incidents = browser.send(
                HttpRequest
                    .newBuilder(
                            URI.create(base + "/camunda/api/cockpit/plugin/base/default/incident?processInstanceIdIn="
                                    + processInstanceId))
                    .header("Accept", "application/json")
                    .header("X-XSRF-TOKEN", csrf)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(incidents.statusCode()).as(incidents.body()).isEqualTo(200);
        return new ObjectMapper().readTree(incidents.body());
    }

    private static String token(String body) {
        Matcher link = ParticipantImportIntegrationTest.LINK.matcher(body);
        assertThat(link.find()).as("link in " + body).isTrue();
        return link.group(1);
    }

}
