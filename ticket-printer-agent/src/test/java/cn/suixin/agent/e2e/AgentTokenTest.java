package cn.suixin.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.suixin.agent.AgentOptions;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.ServerFixture;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent's device token against what every user of a kiosk PC can see: the agent runs as its own
 * JVM against a real hall server, and the test reads its command line as ps does.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AgentTokenTest {

  @TempDir Path dir;
  private ServerFixture hall;
  private String supervisor;

  @BeforeEach
  void start() throws Exception {
    hall =
        ServerFixture.builder(dir.resolve("server"))
            .withoutTestAccounts()
            .recordingEvents()
            .start();
    supervisor = hall.user("boss", Role.SUPERVISOR, "30001", "赵主任");
  }

  @AfterEach
  void stop() throws Exception {
    hall.close();
  }

  @Test
  void an_agent_given_its_token_in_a_file_links_to_the_hall_and_its_command_line_does_not_show_it()
      throws Exception {
    String token = hall.device(Role.AGENT, null, "lobby");
    Path file = dir.resolve("agent.token");
    Files.writeString(file, token + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    try (AgentJvm agent = start(Map.of(), "--token-file", file.toString())) {
      awaitLink(agent);
      assertThat(agent.arguments()).contains("--token-file").noneMatch(a -> a.contains(token));
      assertThat(agent.commandLine()).doesNotContain(token);
      await().atMost(Duration.ofSeconds(30)).until(() -> linkStatus("lobby"), "OK"::equals);
      assertThat(agent.output()).doesNotContain(token).doesNotContain("chmod 600");
    }
  }

  @Test
  void an_agent_given_its_token_in_the_environment_links_and_its_command_line_does_not_show_it()
      throws Exception {
    String token = hall.device(Role.AGENT, null, "lobby");

    try (AgentJvm agent = start(Map.of(AgentOptions.TOKEN_VARIABLE, token))) {
      awaitLink(agent);
      assertThat(agent.arguments()).contains("--server").noneMatch(a -> a.contains(token));
      assertThat(agent.commandLine()).doesNotContain(token);
      await().atMost(Duration.ofSeconds(30)).until(() -> linkStatus("lobby"), "OK"::equals);
    }
  }

  @Test
  void a_token_file_other_users_can_read_still_links_but_the_agent_warns() throws Exception {
    String token = hall.device(Role.AGENT, null, "lobby");
    Path file = dir.resolve("agent.token");
    Files.writeString(file, token);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    try (AgentJvm agent = start(Map.of(), "--token-file", file.toString())) {
      awaitLink(agent);
      assertThat(agent.output()).contains("chmod 600 " + file).doesNotContain(token);
    }
  }

  @Test
  void an_agent_started_with_the_token_as_an_argument_refuses_and_says_how_to_pass_it()
      throws Exception {
    String token = hall.device(Role.AGENT, null, "lobby");

    try (AgentJvm agent = start(Map.of(), "--token", token)) {
      assertThat(agent.exitCode()).isEqualTo(2);
      assertThat(agent.output())
          .contains("--token-file", AgentOptions.TOKEN_VARIABLE, "chmod 600")
          .doesNotContain(token);
    }
    assertThat(linkStatus("lobby")).as("it never reached the hall").isNull();
  }

  private AgentJvm start(Map<String, String> env, String... tokenArgs) throws Exception {
    String[] args = new String[tokenArgs.length + 5];
    System.arraycopy(
        new String[] {
          "--server",
          hall.base().toString(),
          "--simulate",
          "--data",
          dir.resolve("agent").toString()
        },
        0,
        args,
        0,
        5);
    System.arraycopy(tokenArgs, 0, args, 5, tokenArgs.length);
    return AgentJvm.start(dir.resolve("agent.log"), env, AgentWithHallServerTest.freePort(), args);
  }

  private static void awaitLink(AgentJvm agent) {
    await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(agent::linkUp);
  }

  /** The status of the named agent's server link on the supervisor's devices list, or null. */
  private String linkStatus(String agentName) throws Exception {
    return hall.get("/api/v1/halls/city/devices", supervisor).ok().getJsonArray("devices").stream()
        .map(o -> (JsonObject) o)
        .filter(d -> "link".equals(d.getString("part")) && agentName.equals(d.getString("name")))
        .map(d -> d.getString("status"))
        .findFirst()
        .orElse(null);
  }
}
