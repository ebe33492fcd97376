package cn.suixin.hall.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.server.auth.TicketSecrets;
import cn.suixin.hall.server.view.FollowLinks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerOptionsTest {
  @TempDir Path dir;

  private ServerOptions parse(Map<String, String> env, String... argv) {
    return ServerOptions.parse(new Args(argv), env);
  }

  @Test
  void
      the_public_url_comes_from_the_flag_the_environment_or_the_settings_file_and_loses_its_trailing_slash()
          throws Exception {
    Path settings =
        Files.writeString(
            dir.resolve("server.yaml"), "publicUrl: https://hall.example.gov.cn/queue/\n");
    assertThat(parse(Map.of(), "--node-config", settings.toString()).publicUrl())
        .isEqualTo("https://hall.example.gov.cn/queue");
    assertThat(
            parse(
                    Map.of("SUIXIN_PUBLIC_URL", "http://10.1.2.3:8080"),
                    "--node-config",
                    settings.toString())
                .publicUrl())
        .isEqualTo("http://10.1.2.3:8080");
    assertThat(
            parse(
                    Map.of(),
                    "--node-config",
                    settings.toString(),
                    "--public-url",
                    "https://a.example")
                .publicUrl())
        .isEqualTo("https://a.example");
    assertThat(parse(Map.of(), "--node-config", dir.resolve("none.yaml").toString()).publicUrl())
        .isNull();
  }

  @Test
  void a_public_url_that_is_no_web_address_is_refused() {
    for (String bad :
        new String[] {
          "hall.example.gov.cn", "ftp://hall.example", "https://hall.example/?q=1", "https://"
        }) {
      assertThatThrownBy(
              () ->
                  parse(
                      Map.of(),
                      "--node-config",
                      dir.resolve("none.yaml").toString(),
                      "--public-url",
                      bad))
          .as(bad)
          .isInstanceOf(UsageException.class)
          .hasMessageContaining("--public-url");
    }
  }

  @Test
  void a_cluster_node_can_pin_its_event_bus_port_for_the_firewall() {
    Path loopback = Path.of("..", "config", "nodes", "loopback-2.yaml");
    ServerOptions pinned = parse(Map.of(), "--node-config", loopback.toString());
    assertThat(pinned.cluster().port()).isEqualTo(5802);
    assertThat(pinned.cluster().busPort()).isEqualTo(5812);
    ServerOptions picked =
        parse(
            Map.of(),
            "--node-config",
            dir.resolve("none.yaml").toString(),
            "--store",
            "redis",
            "--cluster");
    assertThat(picked.cluster().busPort()).as("the system picks one").isZero();
    assertThatThrownBy(
            () ->
                parse(Map.of(), "--node-config", loopback.toString(), "--cluster-bus-port", "5802"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--cluster-bus-port");
  }

  @Test
  void ticket_links_are_absolute_with_a_public_url_and_relative_without() {
    TicketSecrets secrets = TicketSecrets.random();
    String k = secrets.of("city", "20261127-A001");
    assertThat(new FollowLinks("https://hall.example.gov.cn", secrets).of("city", "20261127-A001"))
        .isEqualTo("https://hall.example.gov.cn/t/city/20261127-A001?k=" + k);
    assertThat(new FollowLinks(null, secrets).of("city", "20261127-A001"))
        .isEqualTo("/t/city/20261127-A001?k=" + k);
  }
}
