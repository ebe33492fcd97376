package cn.suixin.hall.server.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.server.auth.LoginRules;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trusted proxies, the metrics door and the login rules layer like every other setting. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DoorSettingsTest {
  @TempDir Path dir;

  private ServerOptions parse(Path settings, Map<String, String> env, String... argv) {
    String[] all = new String[argv.length + 2];
    all[0] = "--node-config";
    all[1] = settings.toString();
    System.arraycopy(argv, 0, all, 2, argv.length);
    return ServerOptions.parse(new Args(all), env);
  }

  @Test
  void by_default_no_proxy_is_trusted_metrics_are_closed_and_the_login_rules_are_the_defaults() {
    ServerOptions o = parse(dir.resolve("none.yaml"), Map.of());
    assertThat(o.doors().trustedProxies().isEmpty()).isTrue();
    assertThat(o.doors().metricsToken()).isNull();
    assertThat(o.doors().metricsPort()).isEqualTo(-1);
    assertThat(o.login()).isEqualTo(LoginRules.DEFAULTS);
  }

  @Test
  void the_settings_file_sets_them_the_environment_overrides_it_and_a_flag_overrides_both()
      throws Exception {
    Path settings =
        Files.writeString(
            dir.resolve("server.yaml"),
            String.join(
                "\n",
                "trustedProxies: [10.0.0.5, 10.0.1.0/24]",
                "metricsToken: from-the-settings-file-0001",
                "metricsPort: 9464",
                "metricsHost: 10.0.0.11",
                "login: {freeFailures: 5, addressFreeFailures: 20, firstDelaySeconds: 2, maxDelaySeconds: 60, lockAfter: 8,",
                "        windowMinutes: 30, threads: 1, queue: 8}",
                ""));
    ServerOptions file = parse(settings, Map.of());
    assertThat(file.doors().trustedProxies()).hasToString("10.0.0.5,10.0.1.0/24");
    assertThat(file.doors().metricsToken()).isEqualTo("from-the-settings-file-0001");
    assertThat(file.doors().metricsPort()).isEqualTo(9464);
    assertThat(file.doors().metricsHost()).isEqualTo("10.0.0.11");
    assertThat(file.login())
        .isEqualTo(
            new LoginRules(
                5,
                20,
                Duration.ofSeconds(2),
                Duration.ofSeconds(60),
                8,
                Duration.ofMinutes(30),
                1,
                8));

    ServerOptions env =
        parse(
            settings,
            Map.of(
                "SUIXIN_TRUSTED_PROXIES",
                "192.168.7.1",
                "SUIXIN_METRICS_TOKEN",
                "from-the-environment-0002",
                "SUIXIN_LOGIN_LOCK_AFTER",
                "12"));
    assertThat(env.doors().trustedProxies()).hasToString("192.168.7.1");
    assertThat(env.doors().metricsToken()).isEqualTo("from-the-environment-0002");
    assertThat(env.login().lockAfter()).isEqualTo(12);
    assertThat(env.login().freeFailures()).isEqualTo(5);

    ServerOptions flags =
        parse(
            settings,
            Map.of("SUIXIN_TRUSTED_PROXIES", "192.168.7.1"),
            "--trusted-proxies",
            "2001:db8::/32",
            "--metrics-token",
            "from-the-command-line-03",
            "--metrics-port",
            "9500");
    assertThat(flags.doors().trustedProxies()).hasToString("2001:db8::/32");
    assertThat(flags.doors().metricsToken()).isEqualTo("from-the-command-line-03");
    assertThat(flags.doors().metricsPort()).isEqualTo(9500);
  }

  @Test
  void a_bad_proxy_a_short_token_a_bad_port_or_a_bad_login_rule_is_refused_naming_it()
      throws Exception {
    Path none = dir.resolve("none.yaml");
    assertThatThrownBy(() -> parse(none, Map.of(), "--trusted-proxies", "10.0.0.0/8,proxy.local"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--trusted-proxies")
        .hasMessageContaining("proxy.local");
    assertThatThrownBy(() -> parse(none, Map.of(), "--metrics-token", "short"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--metrics-token");
    assertThatThrownBy(() -> parse(none, Map.of(), "--metrics-port", "http"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--metrics-port");
    assertThatThrownBy(() -> parse(none, Map.of("SUIXIN_LOGIN_THREADS", "0")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("threads");
    Path unknown = Files.writeString(dir.resolve("unknown.yaml"), "login: {lockAfterr: 3}\n");
    assertThatThrownBy(() -> parse(unknown, Map.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown setting login.lockAfterr");
  }

  @Test
  void the_demo_makes_up_a_metrics_token_when_none_is_set_and_prints_it() {
    ServerOptions demo = parse(dir.resolve("none.yaml"), Map.of(), "--demo");
    assertThat(demo.doors().metricsToken()).hasSizeGreaterThanOrEqualTo(32);
    ServerOptions listener =
        parse(dir.resolve("none.yaml"), Map.of(), "--demo", "--metrics-port", "9464");
    assertThat(listener.doors().metricsToken()).as("a separate listener needs none").isNull();
  }
}
