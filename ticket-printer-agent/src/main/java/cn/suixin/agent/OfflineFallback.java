package cn.suixin.agent;

import cn.suixin.agent.offline.OfflineBlock;
import cn.suixin.agent.offline.OfflineDecision;
import cn.suixin.agent.offline.OfflineDesk;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.outbox.OutgoingMessages;
import io.vertx.core.json.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Keeps offline numbers in stock and hands offline tickets back: asks the server for a block of
 * every matter this kiosk prints once fewer than ten numbers are left, prints the tickets the kiosk
 * page asks for while the server is away, and moves them into the outbox whenever the link is up.
 */
final class OfflineFallback {

  static final int BLOCK_SIZE = 50;
  static final int LOW_WATER = 10;

  private final OfflineDesk desk;
  private final Outbox outbox;
  private final OutgoingMessages outgoing;
  private final Printing printing;
  private final Set<String> matters = new LinkedHashSet<>();
  private final Set<String> requested = new HashSet<>();

  OfflineFallback(OfflineDesk desk, Outbox outbox, OutgoingMessages outgoing, Printing printing) {
    this.desk = desk;
    this.outbox = outbox;
    this.outgoing = outgoing;
    this.printing = printing;
    matters.addAll(desk.matters());
  }

  /** A matter this kiosk prints; it should have offline numbers too. */
  void seen(String matter) {
    if (matter != null && matters.add(matter)) {
      requestBlocksIfLow();
    }
  }

  void addBlock(JsonObject b) {
    OfflineBlock block =
        new OfflineBlock(
            b.getString("id"),
            b.getString("matter"),
            b.getString("prefix", ""),
            b.getInteger("from"),
            b.getInteger("to"),
            b.getString("businessDay", desk.businessDay()));
    desk.addBlock(block);
    matters.add(block.matter());
    requested.remove(block.matter());
  }

  /** The number is on disk before the ticket is printed, so it can never be issued twice. */
  OfflineDecision issue(String matter) {
    matters.add(matter);
    OfflineDecision d = desk.issue(matter);
    if (d instanceof OfflineDecision.Issued issued) {
      printing.offline(issued.ticket());
      if (outgoing.isLinkUp()) {
        handOver();
      }
      requestBlocksIfLow();
    }
    return d;
  }

  /** The link is back: tickets issued meanwhile go to the server, and the stock is topped up. */
  void linkUp() {
    handOver();
    requestBlocksIfLow();
  }

  private void handOver() {
    desk.handOver(outbox).forEach(outgoing::sendDurable);
  }

  private void requestBlocksIfLow() {
    for (String matter : matters) {
      if (desk.remaining(matter) < LOW_WATER && requested.add(matter)) {
        String id = UUID.randomUUID().toString();
        outgoing.sendDurable(
            new OutboxMessage(
                id,
                new JsonObject()
                    .put("type", "offline.block.request")
                    .put("id", id)
                    .put("matter", matter)
                    .put("size", BLOCK_SIZE)
                    .encode()));
      }
    }
  }
}
