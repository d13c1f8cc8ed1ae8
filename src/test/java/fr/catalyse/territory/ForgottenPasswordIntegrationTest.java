package fr.catalyse.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.notification.Mailbox;
import fr.catalyse.notification.NoticeJobs;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * « Mot de passe oublié » over HTTP: an account receives at most its share of links
 * however often it is asked for, a client address asking too often is told so, and the
 * page answers the same, at once, for a known account, an unknown one and one that
 * already had its links. Each test speaks from its own loopback address (127.x.y.z), as
 * distinct clients do, so that the client limit it exercises is its own.
 */
class ForgottenPasswordIntegrationTest extends IntegrationTestSupport {

    static final String SUBJECT = "Choisir un nouveau mot de passe";
    static final String SAME_ANSWER = "Si un compte correspond, un courriel vous est envoyé";

    @Autowired
    ForgottenPasswordRequests requests;

    @Autowired
    ProcessEngine engine;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    String suffix;

    String userId;

    String email;

    String client;

    Mailbox mailbox;

    @BeforeEach
    void anAccount() throws IOException {
        suffix = UUID.randomUUID().toString().substring(0, 6);
        userId = "oubli." + suffix;
        email = userId + "@oubli.test";
        client = ForgottenPasswordPage.loopbackAddress();
        mailbox = new Mailbox(smtp);
        String csv = String.join(";", DirectoryCsv.COLUMNS) + "\n" + "oubli-" + suffix + ";Territoire Oubli;;;;"
                + userId + ";Octave;Oubli;" + email + ";catalyseur\n";
        directory.register(DirectoryCsv.read(new StringReader(csv)).entries(), person -> PASSWORD);
    }

    @AfterEach
    void clockBack() {
        ClockUtil.reset();
    }

    @Test
    void askingAgainAndAgainForOneAccountGivesAtMostItsLinksAndEveryAnswerIsTheUnknownAccountsPage() {
        Answer unknown = ask(client, "personne-" + suffix);
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.body()).contains(SAME_ANSWER);
        List<Answer> answers = new ArrayList<>();

        for (int request = 0; request < 4; request++) {
            answers.add(ask(client, request % 2 == 0 ? userId : email));
        }
        assertThat(waitingEmails()).as("one email waits, the next requests add none").isEqualTo(1);
        sendQueuedEmails();
        assertThat(mailbox.to(email, SUBJECT)).hasSize(1);
        answers.add(ask(client, userId));
        sendQueuedEmails();
        assertThat(links()).as("no second link while the first one, minted just now, still works").isEqualTo(1);

        for (int round = 2; round <= 3; round++) {
            later(11);
            answers.add(ask(client, userId));
            sendQueuedEmails();
            assertThat(links()).as("ten minutes after the previous one").isEqualTo(round);
        }
        later(11);
        answers.add(ask(client, userId));
        assertThat(waitingEmails()).as("three links within the hour: no fourth").isZero();
        sendQueuedEmails();
        assertThat(links()).isEqualTo(3);
        assertThat(mailbox.to(email, SUBJECT)).hasSize(3);

        later(31);
        answers.add(ask(client, userId));
        sendQueuedEmails();
        assertThat(links()).as("the first link is more than an hour old: one more").isEqualTo(4);
        assertThat(mailbox.to(email, SUBJECT)).hasSize(4);

        assertThat(answers).as("known, limited or not, answered as the unknown account").allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(unknown.status());
            assertThat(answer.headersBesidesDate()).isEqualTo(unknown.headersBesidesDate());
            assertThat(answer.body()).isEqualTo(unknown.body());
        });
    }

    @Test
    void aClientAskingTooOftenIsToldInFrenchWhateverTheAccountWhileAnotherClientIsNot() {
        for (int request = 1; request <= 10; request++) {
            assertThat(ask(client, "personne" + request + "-" + suffix).status()).as("request " + request)
                .isEqualTo(200);
        }

        Answer refused = ask(client, userId);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body())
            .contains("Trop de demandes de lien depuis votre connexion : réessayez dans 15 minutes.")
            .doesNotContain(SAME_ANSWER);
        assertThat(refused.header("Retry-After")).isEqualTo("900");
        assertThat(waitingEmails()).as("a refused request queues nothing").isZero();

        Answer elsewhere = ask(ForgottenPasswordPage.loopbackAddress(), userId);
        assertThat(elsewhere.status()).isEqualTo(200);
        assertThat(elsewhere.body()).contains(SAME_ANSWER);
        assertThat(waitingEmails()).isEqualTo(1);
        sendQueuedEmails();
        assertThat(mailbox.to(email, SUBJECT)).hasSize(1);

        later(15);
        assertThat(ask(client, "personne-" + suffix).status()).as("a quarter of an hour later").isEqualTo(200);
    }

    /**
     * Timing is not measured here (benchmarks measure, tests do not time): what makes a
     * known account answer as fast as an unknown one is that the page does not wait for
     * the account's work. With the account's row locked, that work cannot finish; the
     * page answers all the same, and the email is queued once the lock is released.
     */
    @Test
    void thePageAnswersBeforeTheAccountIsLookedAtSoAKnownAccountAddsNothingToTheAnswer() {
        Answer unknown = ask(client, "personne-" + suffix);

        Answer known = transaction.execute(status -> {
            jdbc.queryForObject("select user_id from participant where user_id = ? for update", String.class, userId);
            Answer answer = post(client, userId);
            waitUntilWaitingOnLocks(1);
            assertThat(waitingEmails()).as("nothing queued yet: the account's work waits for its row").isZero();
            return answer;
        });

        assertThat(known.status()).isEqualTo(200);
        assertThat(known.headersBesidesDate()).isEqualTo(unknown.headersBesidesDate());
        assertThat(known.body()).isEqualTo(unknown.body());
        requests.awaitHandled();
        assertThat(waitingEmails()).as("queued once the row is free").isEqualTo(1);
        sendQueuedEmails();
        assertThat(mailbox.to(email, SUBJECT)).hasSize(1);
    }

    /**
     * Two nodes handling a request for the same account at the same moment: the row lock
     * makes them take turns.
     */
    @Test
    void twoRequestsForOneAccountHandledAtOnceQueueOneEmail() throws InterruptedException {
        List<Thread> nodes = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            jdbc.queryForObject("select user_id from participant where user_id = ? for update", String.class, userId);
            for (String identifier : List.of(userId, email)) {
                Thread node = new Thread(() -> requests.handle(identifier));
                node.start();
                nodes.add(node);
            }
            waitUntilWaitingOnLocks(2);
        });
        for (Thread node : nodes) {
            node.join(30_000);
        }

        assertThat(waitingEmails()).isEqualTo(1);
        sendQueuedEmails();
        assertThat(mailbox.to(email, SUBJECT)).hasSize(1);
    }

    /**
     * Posts the page's form from that client address, then waits until the request is
     * handled.
     */
    private Answer ask(String from, String identifier) {
        Answer answer = post(from, identifier);
        requests.awaitHandled();
        return answer;
    }

    /** Posts the page's form from that client address, as a browser there would. */
    private Answer post(String from, String identifier) {
        String raw = ForgottenPasswordPage.post(port, from, identifier);
        int end = raw.indexOf("\r\n\r\n");
        List<String> head = Arrays.asList(raw.substring(0, end).split("\r\n"));
        return new Answer(Integer.parseInt(head.get(0).split(" ")[1]), head.subList(1, head.size()),
                raw.substring(end + 4));
    }

    /** Password-link emails queued for the account and not sent yet. */
    private long waitingEmails() {
        return engine.getRuntimeService()
            .createProcessInstanceQuery()
            .processDefinitionKey(NoticeJobs.PROCESS_KEY)
            .processInstanceBusinessKey("Mot de passe — " + userId)
            .count();
    }

    /** Links minted for the account at its request. */
    private int links() {
        return jdbc.queryForObject("select count(*) from password_token where user_id = ? and purpose = 'RESET'",
                Integer.class, userId);
    }

    private static void later(int minutes) {
        ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + minutes * 60_000L));
    }

    /**
     * Until that many other transactions wait for a row lock (PostgreSQL's view of them),
     * 10 s at most.
     */
    private void waitUntilWaitingOnLocks(int count) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (jdbc.queryForObject("select count(*) from pg_locks where not granted", Integer.class) < count) {
            assertThat(System.currentTimeMillis()).as(count + " transaction(s) waiting on the account's row")
                .isLessThan(deadline);
            try {
                Thread.sleep(20);
            }
            catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }
    }

    /** Status, header lines and body of an answer, as they came over the wire. */
    private record Answer(int status, List<String> headers, String body) {

        List<String> headersBesidesDate() {
            return headers.stream()
                .filter(line -> !line.regionMatches(true, 0, "Date:", 0, 5))
                .collect(Collectors.toList());
        }

        String header(String name) {
            return headers.stream()
                .filter(line -> line.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(line -> line.substring(name.length() + 1).trim())
                .findFirst()
                .orElse(null);
        }
    }

}
