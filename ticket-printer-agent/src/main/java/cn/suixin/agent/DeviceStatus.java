package cn.suixin.agent;

import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.outbox.OutgoingMessages;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The state of each part of this agent's devices (printer, pad) as the server last heard it:
 * connected or PORT_LOST, paper near end or out, answering or NO_REPLY. Every report reaches the
 * supervisor's devices list as a durable device.status.
 */
final class DeviceStatus {

  static final String PRINTER = "printer";
  static final String PAD = "pad";

  private final OutgoingMessages outgoing;
  private final Map<String, String> parts = new HashMap<>();

  DeviceStatus(OutgoingMessages outgoing) {
    this.outgoing = outgoing;
  }

  /** Sent whatever the part said before: a refused job is news even when the state is not. */
  void report(String part, String status, String detail) {
    parts.put(part, status);
    String id = UUID.randomUUID().toString();
    outgoing.sendDurable(
        new OutboxMessage(
            id,
            new JsonObject()
                .put("type", "device.status")
                .put("id", id)
                .put("device", part)
                .put("status", status)
                .put("detail", detail)
                .encode()));
  }

  /** Only a change goes to the server: a pad that is unplugged all day is one message. */
  void changed(String part, String status, String detail) {
    if (!status.equals(parts.get(part))) {
      report(part, status, detail);
    }
  }
}
