package cn.suixin.hall.server.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server finds its configuration and data and where it listens: flags win over
 * environment variables, which win over the defaults. {@code redis} is the Redis URI when the
 * store is Redis ({@code --store redis --redis redis://HOST:PORT}), {@code null} for the embedded store.
 */
public record ServerOptions(Path config, Path data, int port, boolean demo, String redis) {

  public ServerOptions(Path config, Path data, int port, boolean demo) {
    this(config, data, port, demo, null);
  }

  public static ServerOptions parse(Args args, Map<String, String> env) {
    Path config = Path.of(args.value("--config", env.getOrDefault("SUIXIN_CONFIG", "config")));
    Path data = Path.of(args.value("--data", env.getOrDefault("SUIXIN_DATA", "data")));
    String portText = args.value("--port", env.getOrDefault("SUIXIN_PORT", "8080"));
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new UsageException("--port must be a number: " + portText);
    }
    if (port < 0 || port > 65535) {
      throw new UsageException("--port must be 0..65535: " + port);
    }
    boolean demo = args.flag("--demo") || "true".equalsIgnoreCase(env.get("SUIXIN_DEMO"));
    String store = args.value("--store", env.getOrDefault("SUIXIN_STORE", "embedded"));
    String redis = args.value("--redis", env.getOrDefault("SUIXIN_REDIS", "redis://127.0.0.1:6379"));
    if (!store.equals("embedded") && !store.equals("redis")) {
      throw new UsageException("--store must be embedded or redis: " + store);
    }
    return new ServerOptions(config, data, port, demo, store.equals("redis") ? redis : null);
  }
}
