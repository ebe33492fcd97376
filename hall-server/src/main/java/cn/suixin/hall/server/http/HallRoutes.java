package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.codec.FieldPath;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.codec.JsonLists;
import cn.suixin.hall.server.hall.HallRequest;
import cn.suixin.hall.server.web.FreeText;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Halls and what is said of them: listings, snapshots, ratings, notices, offline blocks, logout.
 */
final class HallRoutes {
  private final ApiContext ctx;

  HallRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void logout(RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    if (Guards.caller(rc) == null || header == null) {
      throw Problem.unauthorized();
    }
    ctx.accounts
        .logout(header.substring(7).trim())
        .onSuccess(v -> rc.response().setStatusCode(204).end())
        .onFailure(rc::fail);
  }

  void list(RoutingContext rc) {
    JsonArray halls = new JsonArray();
    ctx.halls
        .values()
        .forEach(
            h ->
                halls.add(
                    new JsonObject()
                        .put("id", h.id().value())
                        .put("name", h.name())
                        .put("nameEn", h.nameEn())
                        .put("address", h.address())));
    Responses.json(
        rc,
        200,
        new JsonObject()
            .put("city", ctx.city.name())
            .put("cityEn", ctx.city.nameEn())
            .put("halls", halls));
  }

  void info(RoutingContext rc) {
    query(rc, new JsonObject().put("type", "hall"));
  }

  void snapshot(RoutingContext rc) {
    query(rc, new JsonObject().put("type", "snapshot"));
  }

  void waiting(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Guards.require(rc, hall.id().value(), Role.CLERK, Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
    query(rc, new JsonObject().put("type", "waiting"));
  }

  private void query(RoutingContext rc, JsonObject q) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    ctx.gateway
        .query(hall.id().value(), q)
        .onSuccess(r -> Responses.json(rc, 200, r))
        .onFailure(rc::fail);
  }

  /** 好差评 from a counter pad (through its agent), a kiosk, or a supervisor entering a paper form. */
  void rate(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Guards.require(rc, hall.id().value(), Role.AGENT, Role.KIOSK, Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "record", "level", "reasons", "comment");
    int record = Json.requiredInt(body, "record");
    int level = Json.requiredInt(body, "level");
    Integer reasons = Json.optionalInt(body, "reasons");
    command(
        rc,
        hall,
        new HallCommand.RecordRating(
            new ServiceRecordId(record),
            level,
            reasons == null ? 0 : reasons,
            FreeText.optional(body, "comment")),
        "rate");
  }

  void notice(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Guards.require(rc, hall.id().value(), Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "text");
    String text = FreeText.optional(body, "text");
    command(rc, hall, new HallCommand.SetNotice(text == null ? "" : text), "notice");
  }

  void reserveBlock(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.require(rc, hall.id().value(), Role.KIOSK, Role.AGENT);
    JsonObject body = Bodies.object(rc, "matter", "size");
    MatterCode matter = new MatterCode(Json.requiredId(body, "matter"));
    command(
        rc,
        hall,
        new HallCommand.ReserveNumberBlock(
            new DeviceId(p.id()), matter, Json.requiredInt(body, "size")),
        "block");
  }

  void admitOffline(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.require(rc, hall.id().value(), Role.KIOSK, Role.AGENT);
    JsonObject body = Bodies.object(rc, "block", "tickets");
    int block = Json.requiredInt(body, "block");
    command(
        rc,
        hall,
        new HallCommand.AdmitOfflineTickets(new DeviceId(p.id()), block, offlineTickets(body)),
        "offline");
  }

  /** {@code [{number, issuedAt}]}, every element checked here: a bad one once wedged the hall. */
  private static List<HallCommand.OfflineTicket> offlineTickets(JsonObject body) {
    JsonArray given = JsonLists.requiredArray(body, "tickets");
    List<HallCommand.OfflineTicket> tickets = new ArrayList<>();
    for (int i = 0; i < given.size(); i++) {
      String at = FieldPath.index("tickets", i);
      JsonObject t = JsonLists.objectAt(given, "tickets", i);
      Bodies.only(t, at, "number", "issuedAt");
      tickets.add(
          BadField.within(
              at,
              () ->
                  new HallCommand.OfflineTicket(
                      Json.requiredInt(t, "number"),
                      Instant.parse(Json.requiredInstant(t, "issuedAt")))));
    }
    return tickets;
  }

  private void command(RoutingContext rc, HallConfig hall, HallCommand cmd, String route) {
    ctx.gateway
        .command(hall.id().value(), Idempotency.tag(rc, route, HallRequest.of(cmd)))
        .onSuccess(r -> Responses.json(rc, 200, r))
        .onFailure(rc::fail);
  }
}
