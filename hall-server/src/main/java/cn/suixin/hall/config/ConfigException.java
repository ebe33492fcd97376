package cn.suixin.hall.config;

import java.util.List;
import java.util.stream.Collectors;

/** The configuration could not be loaded; lists every problem found, not just the first. */
public class ConfigException extends RuntimeException {
  private final transient List<ConfigProblem> problems;

  public ConfigException(List<ConfigProblem> problems) {
    super(message(problems));
    this.problems = List.copyOf(problems);
  }

  public List<ConfigProblem> problems() {
    return problems;
  }

  private static String message(List<ConfigProblem> problems) {
    return problems.size()
        + " configuration problem"
        + (problems.size() == 1 ? "" : "s")
        + ":\n"
        + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
  }
}
