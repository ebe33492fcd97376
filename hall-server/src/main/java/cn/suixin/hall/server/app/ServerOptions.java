package cn.suixin.hall.server.app;

import cn.suixin.hall.server.auth.LoginRules;
import cn.suixin.hall.server.cluster.ClusterOptions;
import cn.suixin.hall.server.http.Doors;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where the server finds its configuration and data, where it listens, which store it uses and
 * whether it joins a cluster: flags win over environment variables, which win over the defaults.
 *
 * @param store {@code embedded} (files under {@code data}) or {@code redis}
 * @param cluster null for a single node
 * @param publicUrl the address citizens' phones reach this node at, for the ticket links; null for
 *     relative links
 * @param doors trusted proxies and the metrics token and listener
 * @param login how failed logins are throttled and accounts locked
 */
public record ServerOptions(
    Path config,
    Path data,
    int port,
    boolean demo,
    String store,
    String redisUri,
    ClusterOptions cluster,
    String publicUrl,
    Doors doors,
    LoginRules login) {

  public ServerOptions(Path config, Path data, int port, boolean demo) {
    this(config, data, port, demo, "embedded", null, null);
  }

  public ServerOptions(
      Path config,
      Path data,
      int port,
      boolean demo,
      String store,
      String redisUri,
      ClusterOptions cluster) {
    this(config, data, port, demo, store, redisUri, cluster, null);
  }

  public ServerOptions(
      Path config,
      Path data,
      int port,
      boolean demo,
      String store,
      String redisUri,
      ClusterOptions cluster,
      String publicUrl) {
    this(
        config,
        data,
        port,
        demo,
        store,
        redisUri,
        cluster,
        publicUrl,
        Doors.CLOSED,
        LoginRules.DEFAULTS);
  }

  public ServerOptions withDoors(Doors other) {
    return new ServerOptions(
        config, data, port, demo, store, redisUri, cluster, publicUrl, other, login);
  }

  public static ServerOptions parse(Args args, Map<String, String> environment) {
    String configDir = args.value("--config", environment.getOrDefault("SUIXIN_CONFIG", "config"));
    Path settings =
        Path.of(args.value("--node-config", Path.of(configDir, "server.yaml").toString()));
    Map<String, String> env = new java.util.HashMap<>(NodeSettings.read(settings));
    env.putAll(environment);
    Path config = Path.of(args.value("--config", env.getOrDefault("SUIXIN_CONFIG", "config")));
    Path data = Path.of(args.value("--data", env.getOrDefault("SUIXIN_DATA", "data")));
    int port = number("--port", args.value("--port", env.getOrDefault("SUIXIN_PORT", "8080")));
    boolean demo = args.flag("--demo") || "true".equalsIgnoreCase(env.get("SUIXIN_DEMO"));
    String store = args.value("--store", env.getOrDefault("SUIXIN_STORE", "embedded"));
    if (!store.equals("embedded") && !store.equals("redis")) {
      throw new UsageException("--store must be embedded or redis: " + store);
    }
    String redis =
        args.value("--redis", env.getOrDefault("SUIXIN_REDIS", "redis://127.0.0.1:6379"));
    ClusterOptions cluster = null;
    if (args.flag("--cluster") || "true".equalsIgnoreCase(env.get("SUIXIN_CLUSTER"))) {
      if (!store.equals("redis")) {
        throw new UsageException(
            "--cluster needs --store redis: every node must read the same journals");
      }
      String host =
          args.value("--cluster-host", env.getOrDefault("SUIXIN_CLUSTER_HOST", "127.0.0.1"));
      int clusterPort =
          number(
              "--cluster-port",
              args.value("--cluster-port", env.getOrDefault("SUIXIN_CLUSTER_PORT", "5701")));
      String members =
          args.value("--cluster-members", env.getOrDefault("SUIXIN_CLUSTER_MEMBERS", ""));
      List<String> list =
          Arrays.stream(members.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
      for (String m : list) {
        if (!m.matches("[^:\\s]+:\\d{1,5}")) {
          throw new UsageException("--cluster-members takes host:port,host:port (no ranges): " + m);
        }
      }
      int busPort =
          number(
              "--cluster-bus-port",
              args.value("--cluster-bus-port", env.getOrDefault("SUIXIN_CLUSTER_BUS_PORT", "0")));
      if (busPort != 0 && busPort == clusterPort) {
        throw new UsageException("--cluster-bus-port must differ from --cluster-port: " + busPort);
      }
      cluster = new ClusterOptions(host, clusterPort, list, busPort);
    }
    return new ServerOptions(
        config,
        data,
        port,
        demo,
        store,
        redis,
        cluster,
        publicUrl(args.value("--public-url", env.get("SUIXIN_PUBLIC_URL"))),
        DoorSettings.doors(args, env, demo),
        DoorSettings.login(env));
  }

  /** The address phones reach this node at, for absolute ticket links; null when not set. */
  private static String publicUrl(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String url = text.trim().replaceAll("/+$", "");
    if (!url.matches("https?://[^/\\s?#]+(/[^\\s?#]*)?")) {
      throw new UsageException(
          "--public-url must be an http(s) address without query, such as "
              + "https://suixin.example.gov.cn: "
              + text);
    }
    return url;
  }

  private static int number(String flag, String text) {
    try {
      int n = Integer.parseInt(text);
      if (n < 0 || n > 65535) {
        throw new UsageException(flag + " must be 0..65535: " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new UsageException(flag + " must be a number: " + text);
    }
  }
}
