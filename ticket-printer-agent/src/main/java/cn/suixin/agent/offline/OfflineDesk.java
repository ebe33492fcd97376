package cn.suixin.agent.offline;

import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The offline issuer with its disk and clock: the state, including the next number, is fsynced
 * before {@link #issue} returns, so a ticket is printed only once its number can never come back.
 * It blocks on the disk, so it belongs to the agent's worker context.
 */
public final class OfflineDesk {

  private final OfflineStore store;
  private final Clock clock;
  private final ZoneId zone;
  private final OfflineIssuer issuer;

  public OfflineDesk(OfflineStore store, Clock clock, ZoneId zone) {
    this.store = store;
    this.clock = clock;
    this.zone = zone;
    this.issuer = new OfflineIssuer(store.load());
  }

  public void addBlock(OfflineBlock block) {
    store.save(issuer.addBlock(block));
  }

  public OfflineDecision issue(String matter) {
    OfflineDecision d = issuer.issue(matter, businessDay(), clock.instant().toString());
    if (d instanceof OfflineDecision.Issued issued) {
      store.save(issued.state());
    }
    return d;
  }

  public int remaining(String matter) {
    return issuer.remaining(matter, businessDay());
  }

  /** Matters this agent holds blocks for. */
  public Set<String> matters() {
    Set<String> out = new LinkedHashSet<>();
    issuer.state().blocks().forEach(u -> out.add(u.block().matter()));
    return out;
  }

  /**
   * Moves every offline ticket into the outbox as offline.tickets messages, one per block in issue
   * order. The id is derived from the tickets, so a crash between the two writes resends the same
   * request rather than a new one.
   */
  public List<OutboxMessage> handOver(Outbox outbox) {
    List<OutboxMessage> sent = new ArrayList<>();
    for (Map.Entry<String, List<OfflineTicket>> e : issuer.pendingHandover().entrySet()) {
      List<OfflineTicket> tickets = e.getValue();
      String id =
          safe(
              "offline-"
                  + e.getKey()
                  + "-"
                  + tickets.get(0).number()
                  + "-"
                  + tickets.get(tickets.size() - 1).number());
      JsonArray list = new JsonArray();
      tickets.forEach(
          t ->
              list.add(
                  new JsonObject()
                      .put("number", t.number())
                      .put("matter", t.matter())
                      .put("issuedAt", t.issuedAt())));
      OutboxMessage m =
          new OutboxMessage(
              id,
              new JsonObject()
                  .put("type", "offline.tickets")
                  .put("id", id)
                  .put("blockId", e.getKey())
                  .put("tickets", list)
                  .encode());
      outbox.put(m);
      store.save(issuer.handedOver(tickets));
      sent.add(m);
    }
    return sent;
  }

  public String businessDay() {
    return LocalDate.now(clock.withZone(zone)).toString();
  }

  private static String safe(String id) {
    return id.replaceAll("[^A-Za-z0-9._-]", "_");
  }
}
