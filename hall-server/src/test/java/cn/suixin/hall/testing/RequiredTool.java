package cn.suixin.hall.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * A program some tests drive from outside the JVM. On a developer's machine without it those tests
 * are skipped with a message saying what is missing; under {@code CI=true} they fail, so a CI
 * machine that lacks the tool can never pass with the tests quietly skipped.
 */
public enum RequiredTool {
  /** The system Chromium the browser tests drive through Playwright. */
  CHROMIUM(Path.of("/usr/bin/chromium"), "browser tests", "apt-get install chromium"),
  /** Virtual null-modem cables for the serial tests of the agent. */
  SOCAT(Path.of("/usr/bin/socat"), "serial tests", "apt-get install socat");

  private final Path executable;
  private final String tests;
  private final String install;

  RequiredTool(Path executable, String tests, String install) {
    this.executable = executable;
    this.tests = tests;
    this.install = install;
  }

  public Path executable() {
    return executable;
  }

  public boolean installed() {
    return Files.isExecutable(executable);
  }

  /** Returns when the tool is installed; skips the calling test, or under CI fails it, when not. */
  public void require() {
    require(executable, System.getenv());
  }

  /** As {@link #require()}, with the executable looked for and the environment given. */
  public void require(Path candidate, Map<String, String> env) {
    if (Files.isExecutable(candidate)) {
      return;
    }
    if ("true".equalsIgnoreCase(env.get("CI"))) {
      throw new AssertionError(
          candidate
              + " is missing and CI=true: the "
              + tests
              + " must run in CI ("
              + install
              + ")");
    }
    Assumptions.abort(
        candidate
            + " is missing: "
            + tests
            + " skipped ("
            + install
            + "; under CI=true they fail)");
  }
}
