package fr.catalyse.platform;

import java.util.List;

/** The application cannot start as configured; the message says what to set, in French. */
public class ConfigurationProblem extends RuntimeException {

  private final List<String> problems;

  public ConfigurationProblem(List<String> problems) {
    super("Configuration incomplète : " + String.join(" ; ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
