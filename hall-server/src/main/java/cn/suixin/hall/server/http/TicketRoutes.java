package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** Taking a ticket, following it, and the help desk's changes to a waiting ticket. */
final class TicketRoutes {
  private final ApiContext ctx;

  TicketRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void issue(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.caller(rc);
    boolean kiosk = p != null && p.is(Role.KIOSK) && p.belongsTo(hall.id().value());
    boolean staff = Guards.isStaff(p) && p.belongsTo(hall.id().value());
    if (p != null && !kiosk && !staff) {
      throw Problem.forbidden("只有本大厅的取号机和导办人员可以取号", "Only this hall's kiosks and guides issue tickets");
    }
    JsonObject body = Bodies.object(rc, "matter", "greenChannel", "proof", "partySize", "idNumber", "slotStart",
        "slotEnd");
    JsonObject cmd = new JsonObject().put("type", "issue").put("matter", Json.requiredId(body, "matter"))
        .put("greenChannel", Json.optionalId(body, "greenChannel")).put("proof", FreeText.optional(body, "proof"))
        .put("partySize", Json.optionalInt(body, "partySize"))
        .put("slotStart", instant(body, "slotStart")).put("slotEnd", instant(body, "slotEnd"));
    if (!staff && (body.getValue("slotStart") != null || body.getValue("slotEnd") != null)) {
      // an appointment is called before walk-ins in its slot: only the help desk, having checked the booking, sets one
      throw Problem.forbidden("预约号须由导办台核验预约后登记", "Only the help desk issues appointment tickets")
          .with("field", "slotStart");
    }
    if (p == null) {
      String address = ctx.clients.of(rc.request());
      long wait = ctx.phoneLimiter.waitMillis(address, System.currentTimeMillis());
      if (wait > 0) {
        long seconds = (wait + 999) / 1000;
        throw new Problem(429, "RATE_LIMITED", "取号过于频繁，请稍后再试", "Too many tickets; try again later")
            .with("retryAfterSeconds", seconds).header("Retry-After", Long.toString(seconds));
      }
      cmd.put("source", "PHONE");
    } else if (kiosk) {
      cmd.put("source", "KIOSK").put("device", p.id());
    } else {
      cmd.put("source", body.getValue("slotStart") != null ? "APPOINTMENT" : "GUIDE");
      if (cmd.getString("greenChannel") != null && cmd.getString("proof") == null) {
        cmd.put("grantedBy", p.staffNo());
      }
    }
    String idNumber = Json.optionalString(body, "idNumber");
    if (idNumber != null) {
      if (!IdNumbers.valid(idNumber.trim())) {
        throw Problem.badField("idNumber", "not a valid resident ID number", "不是有效的居民身份证号码");
      }
      cmd.put("personHash", ctx.idNumbers.hash(idNumber.trim()));
    }
    String hallId = hall.id().value();
    ctx.gateway.command(hallId, Idempotency.tag(rc, "issue", cmd)).onSuccess(result -> {
      JsonObject ticket = result.getJsonObject("ticket");
      ticket.put("followUrl", ctx.links.of(hallId, ticket.getString("id"))).put("hall", hallId)
          .put("hallName", hall.name()).put("hallNameEn", hall.nameEn());
      rc.response().setStatusCode(201).putHeader("Content-Type", "application/json; charset=utf-8")
          .putHeader("Location", "/api/v1/halls/" + hallId + "/tickets/" + ticket.getString("id"))
          .end(ticket.encode());
    }).onFailure(rc::fail);
  }

  /**
   * Ticket ids are sequential, so the id alone opens nothing: the holder brings the secret of the
   * link on the slip ({@code ?k=}); the hall's staff and the device that issued the ticket need
   * none. Without it the answer is the hall's own "no such ticket", so existence does not leak.
   */
  void get(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    String hallId = hall.id().value();
    String id = rc.pathParam("ticket");
    Principal p = Guards.caller(rc);
    JsonObject q = new JsonObject().put("type", "ticket").put("ticket", id);
    boolean staff = p != null && p.is(Role.CLERK, Role.GUIDE, Role.SUPERVISOR, Role.ADMIN) && p.belongsTo(hallId);
    if (!staff && !ctx.links.secrets().matches(hallId, id, rc.queryParams().get("k"))) {
      if (p == null || !p.role().isDevice() || !p.belongsTo(hallId)) {
        throw noSuchTicket();
      }
      q.put("issuedBy", p.id());
    }
    ctx.gateway.query(hallId, q).onSuccess(t -> Responses.json(rc, 200, t)).onFailure(rc::fail);
  }

  /** The same answer the hall gives for a ticket it does not have. */
  static Problem noSuchTicket() {
    return Problem.notFound("UNKNOWN_TICKET", "没有该号", "No such ticket");
  }

  /** The help desk finds today's ticket by its printed number. */
  void find(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Guards.require(rc, hall.id().value(), Role.GUIDE, Role.SUPERVISOR, Role.ADMIN, Role.CLERK);
    String number = rc.queryParams().get("number");
    if (number == null || !number.matches("[A-Za-z]{1,2}\\d{3,5}")) {
      throw Problem.badField("number", "a ticket number like A001", "须为票号，如 A001");
    }
    ctx.gateway.query(hall.id().value(), new JsonObject().put("type", "find-number").put("number", number))
        .onSuccess(t -> Responses.json(rc, 200, t)).onFailure(rc::fail);
  }

  void redirect(RoutingContext rc) {
    staffOnly(rc);
    JsonObject body = Bodies.object(rc, "matter", "reason");
    desk(rc, new JsonObject().put("type", "redirect").put("matter", Json.requiredId(body, "matter"))
        .put("reason", FreeText.required(body, "reason")));
  }

  void grantGreen(RoutingContext rc) {
    staffOnly(rc);
    JsonObject body = Bodies.object(rc, "channel", "reason");
    desk(rc, new JsonObject().put("type", "grant-green").put("channel", Json.requiredId(body, "channel"))
        .put("reason", FreeText.optional(body, "reason")));
  }

  void cancel(RoutingContext rc) {
    staffOnly(rc);
    JsonObject body = Bodies.object(rc, "reason");
    desk(rc, new JsonObject().put("type", "cancel").put("reason", FreeText.optional(body, "reason")));
  }

  private static String instant(JsonObject body, String field) {
    return body.getValue(field) == null ? null : Json.requiredInstant(body, field);
  }

  private void staffOnly(RoutingContext rc) {
    Guards.require(rc, ctx.hall(rc.pathParam("hall")).id().value(), Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
  }

  private void desk(RoutingContext rc, JsonObject cmd) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.require(rc, hall.id().value(), Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
    cmd.put("ticket", rc.pathParam("ticket")).put("actor", p.staffNo());
    ctx.gateway.command(hall.id().value(), Idempotency.tag(rc, cmd.getString("type"), cmd))
        .onSuccess(r -> Responses.json(rc, 200, r)).onFailure(rc::fail);
  }
}
