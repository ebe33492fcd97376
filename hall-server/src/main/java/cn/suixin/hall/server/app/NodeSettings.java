package cn.suixin.hall.server.app;

import cn.suixin.hall.config.YamlTree;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A node's settings file ({@code config/server.yaml}, or the file given with {@code
 * --node-config}): the same settings as the flags, read as the layer below the environment.
 *
 * <pre>
 * port: 8081
 * data: data/node1
 * store: redis
 * redis: redis://127.0.0.1:6379
 * cluster: {enabled: true, host: 127.0.0.1, port: 5801, members: [127.0.0.1:5801, 127.0.0.1:5802]}
 * trustedProxies: [10.0.0.5, 10.0.1.0/24]
 * metricsToken: a-long-random-secret
 * metricsPort: 9464
 * metricsHost: 10.0.0.11
 * login: {freeFailures: 3, lockAfter: 10, windowMinutes: 15}
 * </pre>
 */
final class NodeSettings {
  private static final Set<String> KEYS =
      Set.of(
          "port",
          "data",
          "store",
          "redis",
          "demo",
          "publicUrl",
          "cluster",
          "trustedProxies",
          "metricsToken",
          "metricsPort",
          "metricsHost",
          "login");
  private static final Set<String> CLUSTER_KEYS =
      Set.of("enabled", "host", "port", "busPort", "members");

  private NodeSettings() {}

  /** The settings as SUIXIN_* variables, so they layer exactly like the environment. */
  static Map<String, String> read(Path file) {
    Map<String, String> out = new HashMap<>();
    if (!Files.exists(file)) {
      return out;
    }
    JsonNode root;
    try {
      root = YamlTree.read(file);
    } catch (IOException e) {
      throw new UsageException(file + ": not valid YAML: " + e.getMessage());
    } catch (cn.suixin.hall.config.ConfigException e) {
      throw new UsageException(e.getMessage());
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return out;
    }
    check(file, root, KEYS, "");
    put(out, "SUIXIN_PORT", root.get("port"));
    put(out, "SUIXIN_DATA", root.get("data"));
    put(out, "SUIXIN_STORE", root.get("store"));
    put(out, "SUIXIN_REDIS", root.get("redis"));
    put(out, "SUIXIN_DEMO", root.get("demo"));
    put(out, "SUIXIN_PUBLIC_URL", root.get("publicUrl"));
    joined(out, "SUIXIN_TRUSTED_PROXIES", root.get("trustedProxies"));
    put(out, "SUIXIN_METRICS_TOKEN", root.get("metricsToken"));
    put(out, "SUIXIN_METRICS_PORT", root.get("metricsPort"));
    put(out, "SUIXIN_METRICS_HOST", root.get("metricsHost"));
    JsonNode login = root.get("login");
    if (login != null) {
      check(file, login, Set.copyOf(DoorSettings.LOGIN_KEYS), "login.");
      DoorSettings.LOGIN_KEYS.forEach(k -> put(out, DoorSettings.variable(k), login.get(k)));
    }
    JsonNode cluster = root.get("cluster");
    if (cluster != null) {
      check(file, cluster, CLUSTER_KEYS, "cluster.");
      put(out, "SUIXIN_CLUSTER", cluster.get("enabled"));
      put(out, "SUIXIN_CLUSTER_HOST", cluster.get("host"));
      put(out, "SUIXIN_CLUSTER_PORT", cluster.get("port"));
      put(out, "SUIXIN_CLUSTER_BUS_PORT", cluster.get("busPort"));
      joined(out, "SUIXIN_CLUSTER_MEMBERS", cluster.get("members"));
    }
    return out;
  }

  /** A YAML list as one comma-separated value; a plain value as it is. */
  private static void joined(Map<String, String> out, String key, JsonNode list) {
    if (list == null || !list.isArray()) {
      put(out, key, list);
      return;
    }
    StringBuilder b = new StringBuilder();
    list.forEach(m -> b.append(b.length() == 0 ? "" : ",").append(m.asText()));
    out.put(key, b.toString());
  }

  private static void check(Path file, JsonNode node, Set<String> known, String prefix) {
    if (!node.isObject()) {
      throw new UsageException(
          file + ": " + (prefix.isEmpty() ? "the file" : prefix) + " must be a mapping");
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new UsageException(
            file + ": unknown setting " + prefix + key + " (known: " + known + ")");
      }
    }
  }

  private static void put(Map<String, String> out, String key, JsonNode value) {
    if (value != null && !value.isNull()) {
      out.put(key, value.asText());
    }
  }
}
