package cn.suixin.hall.server.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the server finds its configuration and data and where it listens: flags win over
 * environment variables, which win over the defaults.
 */
public record ServerOptions(Path config, Path data, int port, boolean demo) {

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
    return new ServerOptions(config, data, port, demo);
  }
}
