package fr.catalyse.platform;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Turns the two start-up failures an operator meets first into a French explanation and a
 * fix: an incomplete or refused configuration, naming the profile in use (the demo
 * refuses a weak CATALYSE_ADMIN_PASSWORD too), and a database that cannot be reached or
 * refuses the login.
 */
public class StartupFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    public StartupFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConfigurationProblem problem) {
                boolean production = problem.profiles().contains(ProductionConfigurationCheck.PRODUCTION);
                return new FailureAnalysis("Catalyse ne peut pas démarrer ("
                        + (problem.profiles().size() > 1 ? "profils " : "profil ")
                        + problem.profiles().stream().map(name -> "« " + name + " »").collect(Collectors.joining(", "))
                        + ") :\n  - " + String.join("\n  - ", problem.problems()),
                        production
                                ? "Définissez ces variables d'environnement (voir docs/operations.md, « Mise en production »)."
                                : "Corrigez ces réglages, variables d'environnement ou options de la ligne de commande (voir docs/operations.md, "
                                        + "« Configuration »).",
                        failure);
            }
            if (isConnectionFailure(cause)) {
                return new FailureAnalysis(
                        "La base de données est injoignable ou refuse la connexion ("
                                + environment.getProperty("spring.datasource.url") + ") : " + cause.getMessage(),
                        "Vérifiez que PostgreSQL est démarré et accessible, et les variables SPRING_DATASOURCE_URL, "
                                + "SPRING_DATASOURCE_USERNAME et SPRING_DATASOURCE_PASSWORD.",
                        failure);
            }
        }
        return null;
    }

    /**
     * SQLSTATE class 08 is "connection exception", 28 "invalid authorization
     * specification".
     */
    private static boolean isConnectionFailure(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("28");
        }
        return cause instanceof ConnectException;
    }

}
