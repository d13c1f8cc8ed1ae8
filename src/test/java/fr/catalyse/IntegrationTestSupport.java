package fr.catalyse;

import com.icegreen.greenmail.util.GreenMail;
import fr.catalyse.territory.Directory;
import fr.catalyse.territory.DirectoryCsv;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one Spring context shape of the integration tests: the whole application on a
 * random port, on PostgreSQL, sending mail to GreenMail. Spring caches it, so the suite
 * starts it once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestInfrastructure.class)
public abstract class IntegrationTestSupport {

    public static final String PASSWORD = "Participant-Test-2026";

    /**
     * Two test territories with every role; the same file is registered by several test
     * classes, which the directory allows because registering is idempotent.
     */
    public static final String TEST_DIRECTORY = """
            territoire;nom_territoire;organisation;nom_organisation;type_organisation;identifiant;prenom;nom;email;role
            ;;;;;prog.test;Paule;Programme;prog.test@catalyse.test;programme
            ;;;;;comite.test;Côme;Comité;comite.test@catalyse.test;comite
            alpha;Territoire Alpha;;;;cat.alpha;Alice;Alpha;cat.alpha@alpha.test;catalyseur
            alpha;Territoire Alpha;;;;cat2.alpha;Albert;Alpha;cat2.alpha@alpha.test;catalyseur
            alpha;Territoire Alpha;mairie-alpha;Mairie d'Alpha;collectivite;elu.alpha;Élise;Alpha;elu.alpha@alpha.test;collectivite
            alpha;Territoire Alpha;asso-alpha;Association Alpha;association;asso.alpha;Anna;Alpha;asso.alpha@alpha.test;association
            alpha;Territoire Alpha;entreprise-alpha;Entreprise Alpha;entreprise;ent.alpha;Eric;Alpha;ent.alpha@alpha.test;entreprise
            alpha;Territoire Alpha;fonds-alpha;Fonds Alpha;financeur;fin.alpha;Fanny;Alpha;fin.alpha@alpha.test;financeur
            beta;Territoire Bêta;;;;cat.beta;Bruno;Bêta;cat.beta@beta.test;catalyseur
            beta;Territoire Bêta;mairie-beta;Mairie de Bêta;collectivite;elu.beta;Benoît;Bêta;elu.beta@beta.test;collectivite
            beta;Territoire Bêta;asso-beta;Association Bêta;association;asso.beta;Berthe;Bêta;asso.beta@beta.test;association
            """;

    @LocalServerPort
    protected int port;

    @Autowired
    protected GreenMail smtp;

    @Autowired
    protected Directory directory;

    @Autowired
    private org.springframework.transaction.support.TransactionTemplate transaction;

    @Autowired
    private org.camunda.bpm.engine.ProcessEngine camunda;

    /**
     * A test with a context of its own (the upgrade test, {@code @DirtiesContext}) closes
     * an engine of the same name when it ends, which takes the name « default » out of
     * Camunda's registry of engines: the REST filters of the cached context then find no
     * engine (404 « Process engine default not available »). Put this context's engine
     * back before each test. The webapps keep what they looked up of the closed engine
     * (they answer 500 afterwards), so that test runs last (its {@code @Order}).
     */
    @org.junit.jupiter.api.BeforeEach
    void engineRegisteredUnderItsName() {
        if (org.camunda.bpm.engine.ProcessEngines.getProcessEngines().get(camunda.getName()) != camunda) {
            org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(camunda);
        }
    }

    /**
     * Runs the queued email-delivery jobs that are due (welcome, password link, alert
     * about an address), as the job executor would: it is off in tests. Fails the test if
     * one of them fails.
     * @return how many ran
     */
    protected int sendQueuedEmails() {
        List<org.camunda.bpm.engine.runtime.Job> due = queuedEmails();
        List<String> refusals = new java.util.ArrayList<>();
        for (org.camunda.bpm.engine.runtime.Job job : due) {
            try {
                camunda.getManagementService().executeJob(job.getId());
            }
            catch (RuntimeException refused) {
                refusals.add(refused.getMessage());
            }
        }
        if (!refusals.isEmpty()) {
            throw new AssertionError(refusals.size() + " queued email(s) refused: " + refusals);
        }
        return due.size();
    }

    /** The email-delivery jobs due now (engine clock) with retries left. */
    protected List<org.camunda.bpm.engine.runtime.Job> queuedEmails() {
        return camunda.getManagementService()
            .createJobQuery()
            .processDefinitionKey(fr.catalyse.notification.NoticeJobs.PROCESS_KEY)
            .withRetriesLeft()
            .list()
            .stream()
            .filter(job -> job.getDuedate() == null
                    || !job.getDuedate().after(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()))
            .toList();
    }

    /**
     * Reads lazy relations of our records, as the application does inside its
     * transactions.
     */
    protected <T> T inTransaction(java.util.function.Supplier<T> read) {
        return transaction.execute(status -> read.get());
    }

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> TestInfrastructure.SMTP_PORT);
    }

    /**
     * Twelve pilot territories p01 to p12, each with a binôme of catalysts cat1.pNN and
     * cat2.pNN.
     */
    public static final List<String> PILOT_TERRITORIES = IntStream.rangeClosed(1, 12)
        .mapToObj(number -> String.format("p%02d", number))
        .toList();

    protected void registerTestDirectory() {
        StringBuilder pilots = new StringBuilder();
        for (String code : PILOT_TERRITORIES) {
            for (String catalyst : List.of("cat1", "cat2")) {
                pilots.append(code)
                    .append(";Territoire pilote ")
                    .append(code)
                    .append(";;;;")
                    .append(catalyst)
                    .append('.')
                    .append(code)
                    .append(";Camille;")
                    .append(catalyst.toUpperCase())
                    .append(' ')
                    .append(code)
                    .append(';')
                    .append(catalyst)
                    .append('@')
                    .append(code)
                    .append(".test;catalyseur\n");
            }
        }
        register(TEST_DIRECTORY + pilots);
    }

    private void register(String csv) {
        try {
            DirectoryCsv.Result result = DirectoryCsv.read(new StringReader(csv));
            if (!result.valid()) {
                throw new IllegalStateException(String.join("\n", result.errors()));
            }
            directory.register(result.entries(), person -> PASSWORD);
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    protected RestCalls rest() {
        return new RestCalls("http://localhost:" + port);
    }

}
