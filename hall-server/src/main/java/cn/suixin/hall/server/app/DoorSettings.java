package cn.suixin.hall.server.app;

import cn.suixin.hall.server.auth.LoginRules;
import cn.suixin.hall.server.auth.Passwords;
import cn.suixin.hall.server.http.Doors;
import cn.suixin.hall.server.http.TrustedProxies;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The trusted proxies, the metrics door and the login rules, from flags, {@code SUIXIN_*} variables
 * or the node settings file (which arrives here as variables).
 */
final class DoorSettings {
  /** The keys of {@code login:} in the settings file; each is also {@code SUIXIN_LOGIN_<KEY>}. */
  static final List<String> LOGIN_KEYS =
      List.of(
          "freeFailures",
          "addressFreeFailures",
          "firstDelaySeconds",
          "maxDelaySeconds",
          "lockAfter",
          "windowMinutes",
          "threads",
          "queue");

  private DoorSettings() {}

  /** In demo mode without a metrics token or listener, a fresh token, which the demo prints. */
  static Doors doors(Args args, Map<String, String> env, boolean demo) {
    TrustedProxies proxies;
    try {
      proxies =
          TrustedProxies.parse(args.value("--trusted-proxies", env.get("SUIXIN_TRUSTED_PROXIES")));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--trusted-proxies: " + e.getMessage());
    }
    String token = args.value("--metrics-token", env.get("SUIXIN_METRICS_TOKEN"));
    if (token != null && token.isBlank()) {
      token = null;
    }
    if (token != null && token.trim().length() < 16) {
      throw new UsageException(
          "--metrics-token must be at least 16 characters: a scraper's secret, not a word");
    }
    String host =
        args.value("--metrics-host", env.getOrDefault("SUIXIN_METRICS_HOST", "127.0.0.1"));
    String portText = args.value("--metrics-port", env.get("SUIXIN_METRICS_PORT"));
    int port =
        portText == null || portText.isBlank() ? -1 : number("--metrics-port", portText, 0, 65535);
    if (demo && token == null && port < 0) {
      token = Passwords.newToken();
    }
    return new Doors(proxies, token == null ? null : token.trim(), host, port);
  }

  static LoginRules login(Map<String, String> env) {
    LoginRules d = LoginRules.DEFAULTS;
    try {
      return new LoginRules(
          setting(env, "freeFailures", d.freeFailures()),
          setting(env, "addressFreeFailures", d.addressFreeFailures()),
          Duration.ofSeconds(setting(env, "firstDelaySeconds", (int) d.firstDelay().toSeconds())),
          Duration.ofSeconds(setting(env, "maxDelaySeconds", (int) d.maxDelay().toSeconds())),
          setting(env, "lockAfter", d.lockAfter()),
          Duration.ofMinutes(setting(env, "windowMinutes", (int) d.window().toMinutes())),
          setting(env, "threads", d.threads()),
          setting(env, "queue", d.queue()));
    } catch (IllegalArgumentException e) {
      throw new UsageException("login settings: " + e.getMessage());
    }
  }

  /** {@code firstDelaySeconds} is read from {@code SUIXIN_LOGIN_FIRST_DELAY_SECONDS}. */
  static String variable(String key) {
    return "SUIXIN_LOGIN_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase();
  }

  private static int setting(Map<String, String> env, String key, int fallback) {
    String text = env.get(variable(key));
    return text == null || text.isBlank()
        ? fallback
        : number("login." + key, text, 0, Integer.MAX_VALUE);
  }

  private static int number(String name, String text, int min, int max) {
    try {
      int n = Integer.parseInt(text.trim());
      if (n < min || n > max) {
        throw new UsageException(name + " must be " + min + ".." + max + ": " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be a number: " + text);
    }
  }
}
