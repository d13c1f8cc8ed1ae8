package fr.catalyse.platform;

import java.util.List;
import org.springframework.core.env.Environment;

/**
 * The application cannot start as configured; the message says what to set, in French. It
 * keeps the profiles in use, because the failure may be reported before any application
 * context (and its environment) exists.
 */
public class ConfigurationProblem extends RuntimeException {

    private final List<String> profiles;

    private final List<String> problems;

    public ConfigurationProblem(Environment environment, List<String> problems) {
        super("Configuration incomplète : " + String.join(" ; ", problems));
        String[] active = environment.getActiveProfiles();
        this.profiles = List.of(active.length > 0 ? active : environment.getDefaultProfiles());
        this.problems = List.copyOf(problems);
    }

    /** The active profiles, or the default ones (demo) when none was chosen. */
    public List<String> profiles() {
        return profiles;
    }

    public List<String> problems() {
        return problems;
    }

}
