package cn.suixin.hall.server.agent;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.EventTypes;
import cn.suixin.hall.server.hall.HallGateway;
import cn.suixin.hall.server.view.FollowLinks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Objects;

/**
 * Turns the hall's live messages into what one agent must do: a kiosk agent prints the tickets of
 * the kiosks it serves; a window agent drives its window's pad and LED screen. Everything else in
 * the hall is none of its business.
 */
final class AgentFeed {
  private final FollowLinks links;
  private final Principal agent;
  private final HallConfig hall;
  private final Accounts accounts;
  private final HallGateway gateway;

  AgentFeed(
      Principal agent, HallConfig hall, Accounts accounts, HallGateway gateway, FollowLinks links) {
    this.links = links;
    this.agent = agent;
    this.hall = hall;
    this.accounts = accounts;
    this.gateway = gateway;
  }

  /** The message to send for a hall event, or null when there is none. */
  Future<JsonObject> toAgent(JsonObject event) {
    String type = event.getString("type", "");
    if (agent.window() == null) {
      return EventTypes.TICKET_ISSUED.equals(type) ? ticketIssued(event) : none();
    }
    if (!sameWindow(agent.window(), event.getString("window"))) {
      return none();
    }
    switch (type) {
      case EventTypes.TICKET_CALLED, EventTypes.TICKET_RECALLED:
        return Future.succeededFuture(
            AgentMessages.padCall(event.getString("number"), agent.window()));
      case EventTypes.CLERK_SIGNED_IN:
        String staffNo = event.getString("staffNo");
        return accounts.staffName(staffNo).map(name -> AgentMessages.padStaff(staffNo, name));
      case EventTypes.SERVICE_FINISHED:
        Long record = event.getLong("record");
        return record == null ? none() : Future.succeededFuture(AgentMessages.padRate(record));
      default:
        return none();
    }
  }

  /**
   * Only tickets a kiosk issued: phone, guide and admitted offline tickets are printed elsewhere or
   * already.
   */
  private Future<JsonObject> ticketIssued(JsonObject event) {
    String device = event.getString("device");
    if (!"KIOSK".equals(event.getString("source")) || device == null) {
      return none();
    }
    return accounts
        .devices()
        .compose(
            devices -> {
              if (!serves(devices, device)) {
                return none();
              }
              return gateway
                  .query(
                      hall.id().value(),
                      new JsonObject()
                          .put("type", "ticket")
                          .put("ticket", event.getString("ticket")))
                  .map(view -> AgentMessages.printTicket(hall, view, links));
            });
  }

  /** The contract: the kiosk's name equals the agent's, or it is the hall's only kiosk. */
  boolean serves(List<JsonObject> devices, String kioskId) {
    List<JsonObject> kiosks =
        devices.stream()
            .filter(
                d ->
                    Role.KIOSK.name().equals(d.getString("kind"))
                        && agent.hall().equals(d.getString("hall")))
            .toList();
    JsonObject kiosk =
        kiosks.stream().filter(d -> kioskId.equals(d.getString("id"))).findFirst().orElse(null);
    return kiosk != null
        && (kiosks.size() == 1 || Objects.equals(kiosk.getString("name"), agent.name()));
  }

  /** A device registered with window "7" drives window "07". */
  static boolean sameWindow(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    int n = AgentMessages.windowNumber(a);
    return a.equals(b) || n != 0 && n == AgentMessages.windowNumber(b);
  }

  private static Future<JsonObject> none() {
    return Future.succeededFuture();
  }
}
