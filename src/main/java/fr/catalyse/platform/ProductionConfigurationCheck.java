package fr.catalyse.platform;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the production profile without a database, a mail server, a public
 * address and an administrator password: production has no default for any of them. Runs
 * before any bean is created (registered in META-INF/spring.factories), so the operator
 * sees the list at once.
 */
public class ProductionConfigurationCheck implements EnvironmentPostProcessor {

    static final String PRODUCTION = "production";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PRODUCTION))) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            problems.add("les profils « production » et « demo » ne peuvent pas être actifs ensemble");
        }
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("SPRING_DATASOURCE_URL doit désigner la base PostgreSQL (jdbc:postgresql://hôte:5432/catalyse)"
                    + (url.isBlank() ? "" : ", reçu : " + url));
        }
        require(environment, "spring.datasource.username", "SPRING_DATASOURCE_USERNAME", problems);
        require(environment, "spring.datasource.password", "SPRING_DATASOURCE_PASSWORD", problems);
        require(environment, "spring.mail.host", "SPRING_MAIL_HOST (serveur SMTP)", problems);
        require(environment, "catalyse.mail.from", "CATALYSE_MAIL_FROM (expéditeur des courriels)", problems);
        require(environment, "catalyse.admin.password", "CATALYSE_ADMIN_PASSWORD (mot de passe du compte admin)",
                problems);
        if (environment.getProperty("catalyse.public-url", "").isBlank()) {
            problems.add(
                    "CATALYSE_PUBLIC_URL doit donner l'adresse publique de Catalyse (utilisée dans les liens des courriels)");
        }
        if (!problems.isEmpty()) {
            throw new ConfigurationProblem(environment, problems);
        }
    }

    private static void require(ConfigurableEnvironment environment, String property, String variable,
            List<String> problems) {
        if (environment.getProperty(property, "").isBlank()) {
            problems.add(variable + " n'est pas défini");
        }
    }

}
