package cn.suixin.agent;

import cn.suixin.agent.offline.OfflineBlock;
import cn.suixin.agent.offline.OfflineDecision;
import cn.suixin.agent.offline.OfflineDesk;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Keeps offline numbers in stock and hands offline tickets back: asks the server for a block of
 * every matter this kiosk prints once fewer than ten numbers are left, and moves issued tickets
 * into the outbox whenever the link is up.
 */
final class OfflineFallback {

  static final int BLOCK_SIZE = 50;
  static final int LOW_WATER = 10;

  private final OfflineDesk desk;
  private final Outbox outbox;
  private final Consumer<OutboxMessage> send;
  private final Set<String> matters = new LinkedHashSet<>();
  private final Set<String> requested = new HashSet<>();

  OfflineFallback(OfflineDesk desk, Outbox outbox, Consumer<OutboxMessage> send) {
    this.desk = desk;
    this.outbox = outbox;
    this.send = send;
    matters.addAll(desk.matters());
  }

  /** A matter this kiosk prints; it should have offline numbers too. */
  void seen(String matter) {
    if (matter != null && matters.add(matter)) {
      requestBlocksIfLow();
    }
  }

  void addBlock(JsonObject b) {
    OfflineBlock block = new OfflineBlock(b.getString("id"), b.getString("matter"),
        b.getString("prefix", ""), b.getInteger("from"), b.getInteger("to"),
        b.getString("businessDay", desk.businessDay()));
    desk.addBlock(block);
    matters.add(block.matter());
    requested.remove(block.matter());
  }

  OfflineDecision issue(String matter) {
    matters.add(matter);
    return desk.issue(matter);
  }

  void handOver() {
    desk.handOver(outbox).forEach(send);
  }

  void requestBlocksIfLow() {
    for (String matter : matters) {
      if (desk.remaining(matter) < LOW_WATER && requested.add(matter)) {
        String id = UUID.randomUUID().toString();
        send.accept(new OutboxMessage(id, new JsonObject().put("type", "offline.block.request")
            .put("id", id).put("matter", matter).put("size", BLOCK_SIZE).encode()));
      }
    }
  }
}
