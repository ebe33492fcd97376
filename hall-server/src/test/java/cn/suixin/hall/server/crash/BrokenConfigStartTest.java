package cn.suixin.hall.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.crash.ServerProcess.Finished;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An operator's one slip in the shipped configuration: the server process refuses to start, exits
 * non-zero and names the file, the line and the problem, and only that problem, so the slip is
 * found at a glance. Nothing is written to the data folder.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BrokenConfigStartTest {

  @TempDir Path dir;

  /** One edit to a copy of the shipped configuration, and what the server must say about it. */
  enum Slip {
    MISTYPED_MATTER_CODE_IN_A_WINDOW(
        "halls/city.yaml", "EE-PASSPORT: 7", "EE-PASSPROT: 7", "unknown matter code 'EE-PASSPROT'"),
    YAML_SYNTAX_ERROR_IN_THE_CATALOGUE(
        "matters.yaml", "{code: HH-BIRTH,", "{code: HH-BIRTH,,", "not valid YAML"),
    IMPOSSIBLE_CLOSING_TIME("halls/city.yaml", "close: \"17:30\"", "close: \"25:30\"", "25:30");

    final String file;
    final String from;
    final String to;
    final String problem;

    Slip(String file, String from, String to, String problem) {
      this.file = file;
      this.from = from;
      this.to = to;
      this.problem = problem;
    }
  }

  @ParameterizedTest
  @EnumSource(Slip.class)
  void the_server_refuses_to_start_and_names_file_line_and_problem(Slip slip) throws Exception {
    Path config = dir.resolve("config");
    DataFolders.copy(ServerProcess.SHIPPED_CONFIG, config);
    int line = edit(config.resolve(slip.file), slip.from, slip.to);
    Path data = dir.resolve("data");

    Finished run =
        ServerProcess.run(
            dir.resolve("work"),
            null,
            "--demo",
            "--config",
            config.toString(),
            "--data",
            data.toString(),
            "--port",
            "0");

    assertThat(run.exitCode()).as("exit status; output:%n%s", run.text()).isNotZero();
    assertThat(run.text())
        .contains("1 configuration problem:")
        .containsPattern(
            "(?m)^\\s*"
                + java.util.regex.Pattern.quote(slip.file)
                + ":"
                + line
                + ":\\d+: .*"
                + java.util.regex.Pattern.quote(slip.problem))
        .doesNotContain("serving");
    assertThat(data).as("data folder of a server that never started").doesNotExist();
  }

  /** Replaces the first {@code from}; returns its 1-based line number. */
  private static int edit(Path file, String from, String to) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(from)) {
        lines.set(
            i,
            lines
                .get(i)
                .replaceFirst(
                    java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        Files.write(file, lines, StandardCharsets.UTF_8);
        return i + 1;
      }
    }
    throw new IllegalArgumentException(from + " is not in " + file);
  }
}
