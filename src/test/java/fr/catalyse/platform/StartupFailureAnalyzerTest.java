package fr.catalyse.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * A configuration problem names the profile(s) in use, so a demo operator is not told
 * about production.
 */
class StartupFailureAnalyzerTest {

    private static final List<String> PROBLEM = List.of("CATALYSE_ADMIN_PASSWORD n'est pas défini");

    @Test
    void anActiveProfileIsNamed() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("production");

        FailureAnalysis analysis = analyse(environment);

        assertThat(analysis.getDescription()).startsWith(
                "Catalyse ne peut pas démarrer (profil « production ») :\n  - CATALYSE_ADMIN_PASSWORD n'est pas défini");
        assertThat(analysis.getAction()).contains("« Mise en production »");
    }

    @Test
    void withoutAnActiveProfileTheDefaultOneIsNamed() {
        MockEnvironment environment = new MockEnvironment();
        environment.setDefaultProfiles("demo");

        FailureAnalysis analysis = analyse(environment);

        assertThat(analysis.getDescription()).startsWith("Catalyse ne peut pas démarrer (profil « demo ») :")
            .doesNotContain("production");
        assertThat(analysis.getAction()).contains("« Configuration »").doesNotContain("Mise en production");
    }

    @Test
    void severalActiveProfilesAreAllNamed() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("demo", "formation");

        assertThat(analyse(environment).getDescription())
            .startsWith("Catalyse ne peut pas démarrer (profils « demo », « formation ») :");
    }

    /**
     * The analyser may run before any application context exists: it reads the profiles
     * from the problem.
     */
    private static FailureAnalysis analyse(MockEnvironment environment) {
        return new StartupFailureAnalyzer(null)
            .analyze(new IllegalStateException(new ConfigurationProblem(environment, PROBLEM)));
    }

}
