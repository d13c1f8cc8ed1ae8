package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.catalyse.ApplicationProcess;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Catalyse refuses to start on an incomplete or wrong configuration, and says why in
 * French, naming the profile in use: the production profile, and the demo (the default)
 * too.
 */
class ProductionStartupTest {

    @Test
    void refusesToStartWithoutItsSettingsAndListsThem() throws Exception {
        try (var app = ApplicationProcess.start(Map.of("SPRING_PROFILES_ACTIVE", "production"), "--server.port=0")) {
            assertThat(app.awaitExit(Duration.ofSeconds(60))).isNotZero();
            assertThat(app.output()).contains("Catalyse ne peut pas démarrer (profil « production ») :")
                .contains("CATALYSE_ADMIN_PASSWORD (mot de passe du compte admin) n'est pas défini")
                .contains("SPRING_DATASOURCE_URL doit désigner la base PostgreSQL")
                .contains("SPRING_MAIL_HOST (serveur SMTP) n'est pas défini")
                .contains("CATALYSE_PUBLIC_URL doit donner l'adresse publique");
        }
    }

    @Test
    void theDemoRefusesAWeakAdministratorPasswordAndSaysItIsTheDemo() throws Exception {
        try (var app = ApplicationProcess.start(Map.of("CATALYSE_ADMIN_PASSWORD", "admin"), "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:weak-admin", "--catalyse.demo.mailbox.smtp-port=0")) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains("Catalyse ne peut pas démarrer (profil « demo ») :")
                .contains("CATALYSE_ADMIN_PASSWORD ne respecte pas la politique de mots de passe")
                .contains("voir docs/operations.md, « Configuration »")
                .doesNotContain("en production");
        }
    }

    @Test
    void refusesToStartOnAnUnreachableDatabaseWithAClearMessage() throws Exception {
        Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "production", "SPRING_DATASOURCE_URL",
                "jdbc:postgresql://127.0.0.1:1/catalyse", "SPRING_DATASOURCE_USERNAME", "catalyse",
                "SPRING_DATASOURCE_PASSWORD", "secret", "SPRING_MAIL_HOST", "127.0.0.1", "CATALYSE_PUBLIC_URL",
                "https://catalyse.example.org", "CATALYSE_MAIL_FROM", "Programme Catalyse <catalyse@example.org>",
                "CATALYSE_ADMIN_PASSWORD", "Operateur-Prod-2026");
        try (var app = ApplicationProcess.start(environment, "--server.port=0")) {
            assertThat(app.awaitExit(Duration.ofSeconds(90))).isNotZero();
            assertThat(app.output()).contains(
                    "La base de données est injoignable ou refuse la connexion (jdbc:postgresql://127.0.0.1:1/catalyse)")
                .contains("Vérifiez que PostgreSQL est démarré");
        }
    }

}
