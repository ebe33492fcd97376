package cn.suixin.hall.server.live;

import cn.suixin.hall.server.hall.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One event-bus subscription per hall for all the screens connected to this verticle; each message
 * is encoded once and written to every screen.
 */
public final class LiveHub {
  private final Vertx vertx;
  private final Map<String, Set<ScreenConnection>> byHall = new HashMap<>();
  private final Map<String, MessageConsumer<JsonObject>> consumers = new HashMap<>();
  private final Map<String, MessageConsumer<JsonObject>> deviceConsumers = new HashMap<>();
  private final AtomicInteger connections;

  public LiveHub(Vertx vertx, AtomicInteger connections) {
    this.vertx = vertx;
    this.connections = connections;
  }

  void join(String hall, ScreenConnection c) {
    byHall
        .computeIfAbsent(
            hall,
            h -> {
              consumers.put(
                  h,
                  vertx
                      .eventBus()
                      .<JsonObject>consumer(Addresses.events(h), m -> deliver(h, m.body())));
              deviceConsumers.put(
                  h,
                  vertx
                      .eventBus()
                      .<JsonObject>consumer(
                          Addresses.devices(h), m -> deliverToStaff(h, m.body())));
              return new LinkedHashSet<>();
            })
        .add(c);
    connections.incrementAndGet();
  }

  void leave(String hall, ScreenConnection c) {
    Set<ScreenConnection> set = byHall.get(hall);
    if (set != null && set.remove(c)) {
      connections.decrementAndGet();
    }
  }

  private void deliver(String hall, JsonObject message) {
    Set<ScreenConnection> set = byHall.get(hall);
    if (set == null || set.isEmpty()) {
      return;
    }
    Buffer encoded = message.toBuffer();
    for (ScreenConnection c : set.toArray(ScreenConnection[]::new)) {
      c.onEvent(message, encoded);
    }
  }

  /** Device states go to staff screens as they come, outside the numbered sequence. */
  private void deliverToStaff(String hall, JsonObject message) {
    Set<ScreenConnection> set = byHall.get(hall);
    if (set != null) {
      for (ScreenConnection c : set.toArray(ScreenConnection[]::new)) {
        c.onStaffMessage(message);
      }
    }
  }

  /** Server going down: every screen is told to come back later. */
  public void closeAll() {
    byHall.values().forEach(set -> set.toArray(ScreenConnection[]::new).clone());
    for (Set<ScreenConnection> set : byHall.values()) {
      for (ScreenConnection c : set.toArray(ScreenConnection[]::new)) {
        c.close(CloseCodes.SERVICE_RESTART, "server restarting");
      }
    }
    consumers.values().forEach(MessageConsumer::unregister);
    deviceConsumers.values().forEach(MessageConsumer::unregister);
  }
}
