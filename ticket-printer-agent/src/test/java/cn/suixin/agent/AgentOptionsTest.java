package cn.suixin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {

  private static final Map<String, String> TOKEN_IN_ENV = Map.of(AgentOptions.TOKEN_VARIABLE, "T");

  @TempDir Path dir;

  private final List<String> warnings = new ArrayList<>();

  private AgentOptions parse(Map<String, String> env, String... args) {
    return AgentOptions.parse(env, warnings::add, args);
  }

  private Path tokenFile(String content, String permissions) throws Exception {
    Path f = dir.resolve("agent.token");
    Files.writeString(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
    return f;
  }

  @Test
  void every_flag_is_read() throws Exception {
    AgentOptions o =
        parse(
            Map.of(),
            "--server",
            "http://hall:8080",
            "--token-file",
            tokenFile("T\n", "rw-------").toString(),
            "--printer",
            "/dev/ttyUSB0",
            "--pad",
            "/dev/ttyUSB1",
            "--window-display",
            "/dev/ttyS0",
            "--simulate",
            "--data",
            "/var/lib/agent",
            "--printer-profile",
            "zijiang-58",
            "--local-port",
            "9000",
            "--printer-baud",
            "115200",
            "--pad-address",
            "3");
    assertThat(o.server().getHost()).isEqualTo("hall");
    assertThat(o.token()).isEqualTo("T");
    assertThat(o.printerPort()).isEqualTo("/dev/ttyUSB0");
    assertThat(o.padPort()).isEqualTo("/dev/ttyUSB1");
    assertThat(o.windowDisplayPort()).isEqualTo("/dev/ttyS0");
    assertThat(o.simulate()).isTrue();
    assertThat(o.dataDir()).isEqualTo(Paths.get("/var/lib/agent"));
    assertThat(o.printerProfile()).isEqualTo("zijiang-58");
    assertThat(o.localPort()).isEqualTo(9000);
    assertThat(o.printerBaud()).isEqualTo(115200);
    assertThat(o.padAddress()).isEqualTo(3);
    assertThat(warnings).isEmpty();
  }

  @Test
  void defaults_leave_devices_off_and_listen_on_8765() {
    AgentOptions o = parse(TOKEN_IN_ENV, "--server", "http://hall:8080");
    assertThat(o.printerPort()).isNull();
    assertThat(o.simulate()).isFalse();
    assertThat(o.localPort()).isEqualTo(8765);
    assertThat(o.printerProfile()).isEqualTo("generic");
  }

  @Test
  void missing_or_unknown_options_are_refused() {
    assertThatThrownBy(() -> parse(TOKEN_IN_ENV)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse(TOKEN_IN_ENV, "--server", "http://h:1", "--x"))
        .hasMessageContaining("--x");
    assertThatThrownBy(
            () -> parse(TOKEN_IN_ENV, "--server", "http://h:1", "--printer-profile", "epson"))
        .hasMessageContaining("epson");
    assertThatThrownBy(() -> parse(Map.of(), "--server", "http://h:1", "--token-file"))
        .hasMessageContaining("needs a value");
  }

  @Test
  void the_token_comes_from_the_environment_when_no_file_is_given() {
    assertThat(
            parse(Map.of(AgentOptions.TOKEN_VARIABLE, "env-token\n"), "--server", "http://h:1")
                .token())
        .isEqualTo("env-token");
  }

  @Test
  void a_token_file_wins_over_the_environment() throws Exception {
    AgentOptions o =
        parse(
            Map.of(AgentOptions.TOKEN_VARIABLE, "from-env"),
            "--server",
            "http://h:1",
            "--token-file",
            tokenFile("from-file", "rw-------").toString());
    assertThat(o.token()).isEqualTo("from-file");
  }

  @Test
  void a_token_on_the_command_line_is_refused_with_the_ways_to_pass_it() {
    assertThatThrownBy(() -> parse(Map.of(), "--server", "http://h:1", "--token", "secret-1"))
        .hasMessageContaining("--token-file")
        .hasMessageContaining("SUIXIN_AGENT_TOKEN")
        .hasMessageContaining("令牌")
        .hasMessageNotContaining("secret-1");
    assertThatThrownBy(() -> parse(Map.of(), "--server", "http://h:1", "--token=secret-2"))
        .hasMessageContaining("--token-file")
        .hasMessageNotContaining("secret-2");
  }

  @Test
  void without_a_token_the_agent_says_where_to_put_one() {
    assertThatThrownBy(() -> parse(Map.of(), "--server", "http://h:1"))
        .hasMessageContaining("--token-file")
        .hasMessageContaining("SUIXIN_AGENT_TOKEN");
    assertThatThrownBy(
            () -> parse(Map.of(AgentOptions.TOKEN_VARIABLE, " "), "--server", "http://h:1"))
        .hasMessageContaining("SUIXIN_AGENT_TOKEN");
  }

  @Test
  void a_missing_or_empty_token_file_is_refused_by_name() throws Exception {
    Path missing = dir.resolve("nope.token");
    assertThatThrownBy(
            () -> parse(TOKEN_IN_ENV, "--server", "http://h:1", "--token-file", missing.toString()))
        .hasMessageContaining(missing.toString());
    Path empty = tokenFile("\n", "rw-------");
    assertThatThrownBy(
            () -> parse(TOKEN_IN_ENV, "--server", "http://h:1", "--token-file", empty.toString()))
        .hasMessageContaining("empty")
        .hasMessageContaining(empty.toString());
  }

  @Test
  void a_token_file_others_can_read_is_used_with_a_warning() throws Exception {
    Path f = tokenFile("T", "rw-r--r--");
    assertThat(parse(Map.of(), "--server", "http://h:1", "--token-file", f.toString()).token())
        .isEqualTo("T");
    assertThat(warnings).singleElement().asString().contains("chmod 600 " + f);

    warnings.clear();
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r-----"));
    parse(Map.of(), "--server", "http://h:1", "--token-file", f.toString());
    assertThat(warnings).as("readable by the group is readable by others too").hasSize(1);
  }

  @Test
  void the_token_is_not_in_the_options_text() {
    assertThat(parse(Map.of(AgentOptions.TOKEN_VARIABLE, "secret-3"), "--server", "http://h:1"))
        .asString()
        .doesNotContain("secret-3");
  }
}
