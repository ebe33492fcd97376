package cn.suixin.hall.server.agent;

import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.hall.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The latest state of every agent's devices, kept in memory on each node. Agents publish on {@code
 * hall.<id>.devices}; every node listens, so a supervisor asking any node sees all agents of the
 * hall. A restart forgets: agents report again when their devices change or reconnect.
 */
final class DeviceBoard {
  private final Map<String, Map<String, JsonObject>> byHall = new ConcurrentHashMap<>();

  DeviceBoard(Vertx vertx, Iterable<String> halls) {
    for (String hall : halls) {
      vertx.eventBus().<JsonObject>consumer(address(hall), m -> record(hall, m.body()));
    }
  }

  static String address(String hall) {
    return Addresses.devices(hall);
  }

  /** Staff see every device state change; anything but OK is an alert for a supervisor. */
  static void publish(Vertx vertx, Principal agent, String part, String status, String detail) {
    vertx
        .eventBus()
        .publish(
            address(agent.hall()),
            new JsonObject()
                .put("type", "device.status")
                .put("hall", agent.hall())
                .put("device", agent.id())
                .put("name", agent.name())
                .put("window", agent.window())
                .put("part", part)
                .put("status", status)
                .put("detail", detail)
                .put("alert", !"OK".equals(status))
                .put("at", Instant.now().toString()));
  }

  private void record(String hall, JsonObject m) {
    String key = m.getString("device") + "/" + m.getString("part");
    byHall.computeIfAbsent(hall, h -> new ConcurrentHashMap<>()).put(key, m);
  }

  /** Sorted by agent and part so the supervisor's list does not jump around. */
  JsonArray devices(String hall) {
    JsonArray list = new JsonArray();
    new TreeMap<>(byHall.getOrDefault(hall, Map.of())).values().forEach(list::add);
    return list;
  }
}
