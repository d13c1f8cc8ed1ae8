package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import fr.catalyse.demo.LocalSmtpServer;
import fr.catalyse.ApplicationProcess;
import fr.catalyse.TestInfrastructure;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two Catalyse nodes started at the same moment on one empty PostgreSQL, job executors
 * on: one schema, one deployment, one copy of the seeded data; then 1,000 reminder timers
 * fall due and each fires once and each email reaches the SMTP server once, whichever
 * node runs it.
 */
class ClusterIntegrationTest {

    static final int REMINDERS = 1_000;
    static final String ADMIN_PASSWORD = "Operateur-Grappe-2026";

    @Test
    void twoNodesStartTogetherAndDeliverEachReminderExactlyOnce() throws Exception {
        int smtpPort = TestInfrastructure.freePort();
        GreenMail smtp = new LocalSmtpServer(smtpPort);
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "production", "SPRING_DATASOURCE_URL",
                    postgres.getJdbcUrl("postgres", "postgres"), "SPRING_DATASOURCE_USERNAME", "postgres",
                    "SPRING_DATASOURCE_PASSWORD", "postgres", "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
                    String.valueOf(smtpPort), "CATALYSE_PUBLIC_URL", "https://catalyse.grappe.test",
                    "CATALYSE_MAIL_FROM", "Programme Catalyse <catalyse@grappe.test>", "CATALYSE_ADMIN_PASSWORD",
                    ADMIN_PASSWORD);
            int portA = TestInfrastructure.freePort();
            int portB = TestInfrastructure.freePort();
            try (var nodeA = ApplicationProcess.start(environment, node(portA, "node-a"));
                    var nodeB = ApplicationProcess.start(environment, node(portB, "node-b"))) {
                nodeA.awaitReady(portA, Duration.ofMinutes(3));
                nodeB.awaitReady(portB, Duration.ofMinutes(3));
                DataSource database = postgres.getPostgresDatabase();

                assertThat(count(database, "select count(*) from act_re_deployment")).as("deployments").isEqualTo(1);
                assertThat(count(database, "select count(*) from act_re_procdef where key_ = 'partnership-lifecycle'"))
                    .isEqualTo(1);
                assertThat(count(database, "select count(*) from act_ru_filter where name_ = 'Mes tâches'"))
                    .as("seeded filters")
                    .isEqualTo(1);
                assertThat(count(database,
                        "select count(*) from act_ru_execution e join act_re_procdef d on e.proc_def_id_ = d.id_ "
                                + "where d.key_ = 'weekly-digest' and e.parent_id_ is null"))
                    .as("digest schedules")
                    .isEqualTo(1);
                assertThat(count(database, "select count(*) from flyway_schema_history where success = false"))
                    .isZero();
                assertThat(nodeA.output() + nodeB.output()).doesNotContain("APPLICATION FAILED TO START");

                deployProbe(portA);
                List<String> instances = startProbes(portA, portB);
                assertThat(instances).hasSize(REMINDERS).doesNotHaveDuplicates();

                awaitReminders(smtp, REMINDERS, Duration.ofMinutes(3));
                Thread.sleep(3_000);
                List<String> reminded = Arrays.stream(smtp.getReceivedMessages())
                    .map(ClusterIntegrationTest::taskOf)
                    .toList();
                assertThat(reminded).hasSize(REMINDERS).doesNotHaveDuplicates();
                assertThat(count(database,
                        "select count(*) from notification where kind = 'REMINDER' and status = 'SENT'"))
                    .isEqualTo(REMINDERS);
                assertThat(count(database, "select count(*) from act_ru_job where handler_cfg_ like '%|BEFORE|%'"))
                    .isZero();
                assertThat(hosts(database)).as("nodes that ran reminder jobs")
                    .containsExactlyInAnyOrder("node-a", "node-b");
            }
        }
        finally {
            smtp.stop();
        }
    }

    private static String[] node(int port, String host) throws Exception {
        Path data = Files.createTempDirectory("catalyse-node");
        return new String[] { "--server.port=" + port, "--camunda.bpm.generic-properties.properties.hostname=" + host,
                "--catalyse.deadlines.probe.task=PT40S", "--catalyse.reminders.tasks[reminder-probe].before=PT30S",
                "--logging.file.path=" + data };
    }

    private static void deployProbe(int port) throws Exception {
        String boundary = "----catalyse" + System.nanoTime();
        byte[] model = Files.readAllBytes(Path.of("src/test/resources/cluster/reminder-probe.bpmn"));
        String head = "--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\nsonde\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"reminder-probe.bpmn\"; filename=\"reminder-probe.bpmn\"\r\n"
                + "Content-Type: application/xml\r\n\r\n";
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = concat(head.getBytes(StandardCharsets.UTF_8), model, tail);
        var response = HttpClient.newHttpClient()
            .send(admin(port, "/engine-rest/deployment/create")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /**
     * Starts the probe instances over REST, half on each node, from eight clients at
     * once.
     */
    private static List<String> startProbes(int portA, int portB) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> started = new ArrayList<>();
            for (int i = 0; i < REMINDERS; i++) {
                int port = i % 2 == 0 ? portA : portB;
                started.add(clients.submit(() -> {
                    var response = http.send(admin(port, "/engine-rest/process-definition/key/reminder-probe/start")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                    return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
                }));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> instance : started) {
                ids.add(instance.get());
            }
            return ids;
        }
        finally {
            clients.shutdown();
        }
    }

    private static HttpRequest.Builder admin(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private static void awaitReminders(GreenMail smtp, int expected, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (smtp.getReceivedMessages().length < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
    }

    private static String taskOf(MimeMessage message) {
        String body = fr.catalyse.notification.Mailbox.read(message).body();
        int start = body.indexOf("?task=") + 6;
        return body.substring(start, start + 36);
    }

    private static Set<String> hosts(DataSource database) throws Exception {
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement()
                    .executeQuery(
                            "select distinct hostname_ from act_hi_job_log where process_def_key_ = 'reminder-probe' and job_state_ = 2")) {
            Set<String> hosts = new java.util.HashSet<>();
            while (rows.next()) {
                hosts.add(rows.getString(1));
            }
            return hosts;
        }
    }

    private static long count(DataSource database, String sql) throws Exception {
        try (Connection connection = database.getConnection();
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
        byte[] all = new byte[length];
        int offset = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, offset, part.length);
            offset += part.length;
        }
        return all;
    }

}
