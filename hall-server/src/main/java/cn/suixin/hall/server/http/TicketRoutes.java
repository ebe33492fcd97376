package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.CommandCodec;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.hall.HallRequest;
import cn.suixin.hall.server.identity.IdNumbers;
import cn.suixin.hall.server.web.FreeText;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.BiFunction;

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
      throw Problem.forbidden(
          "只有本大厅的取号机和导办人员可以取号", "Only this hall's kiosks and guides issue tickets");
    }
    JsonObject body =
        Bodies.object(
            rc, "matter", "greenChannel", "proof", "partySize", "idNumber", "slotStart", "slotEnd");
    MatterCode matter = new MatterCode(Json.requiredId(body, "matter"));
    String channel = Json.optionalId(body, "greenChannel");
    String proof = FreeText.optional(body, "proof");
    Json.optionalInt(body, "partySize");
    String slotStart = instant(body, "slotStart");
    instant(body, "slotEnd");
    if (!staff && (body.getValue("slotStart") != null || body.getValue("slotEnd") != null)) {
      // an appointment is called before walk-ins in its slot: only the help desk, having checked
      // the booking, sets one
      throw Problem.forbidden("预约号须由导办台核验预约后登记", "Only the help desk issues appointment tickets")
          .with("field", "slotStart");
    }
    TicketSource source;
    DeviceId device = null;
    String grantedBy = null;
    if (p == null) {
      String address = ctx.clients.of(rc.request());
      long wait = ctx.phoneLimiter.waitMillis(address, System.currentTimeMillis());
      if (wait > 0) {
        long seconds = (wait + 999) / 1000;
        throw new Problem(429, "RATE_LIMITED", "取号过于频繁，请稍后再试", "Too many tickets; try again later")
            .with("retryAfterSeconds", seconds)
            .header("Retry-After", Long.toString(seconds));
      }
      source = TicketSource.PHONE;
    } else if (kiosk) {
      source = TicketSource.KIOSK;
      device = new DeviceId(p.id());
    } else {
      source = slotStart != null ? TicketSource.APPOINTMENT : TicketSource.GUIDE;
      if (channel != null && proof == null) {
        grantedBy = p.staffNo();
      }
    }
    String idNumber = Json.optionalString(body, "idNumber");
    String personHash = null;
    if (idNumber != null) {
      if (!IdNumbers.valid(idNumber.trim())) {
        throw Problem.badField("idNumber", "not a valid resident ID number", "不是有效的居民身份证号码");
      }
      personHash = ctx.idNumbers.hash(idNumber.trim());
    }
    // the hall's own checks of the party and the slot, read as the hall reads them
    int partySize = CommandCodec.partySize(body);
    Appointment appointment = CommandCodec.appointment(body);
    HallCommand.IssueTicket cmd =
        new HallCommand.IssueTicket(
            matter,
            source,
            partySize,
            personHash,
            channel == null ? null : new ChannelId(channel),
            proof,
            grantedBy,
            appointment,
            device);
    String hallId = hall.id().value();
    ctx.gateway
        .command(hallId, Idempotency.tag(rc, "issue", HallRequest.of(cmd)))
        .onSuccess(
            result -> {
              JsonObject ticket = result.getJsonObject("ticket");
              ticket
                  .put("followUrl", ctx.links.of(hallId, ticket.getString("id")))
                  .put("hall", hallId)
                  .put("hallName", hall.name())
                  .put("hallNameEn", hall.nameEn());
              rc.response()
                  .setStatusCode(201)
                  .putHeader("Content-Type", "application/json; charset=utf-8")
                  .putHeader(
                      "Location", "/api/v1/halls/" + hallId + "/tickets/" + ticket.getString("id"))
                  .end(ticket.encode());
            })
        .onFailure(rc::fail);
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
    boolean staff =
        p != null
            && p.is(Role.CLERK, Role.GUIDE, Role.SUPERVISOR, Role.ADMIN)
            && p.belongsTo(hallId);
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
    ctx.gateway
        .query(hall.id().value(), new JsonObject().put("type", "find-number").put("number", number))
        .onSuccess(t -> Responses.json(rc, 200, t))
        .onFailure(rc::fail);
  }

  void redirect(RoutingContext rc) {
    staffOnly(rc);
    JsonObject body = Bodies.object(rc, "matter", "reason");
    MatterCode matter = new MatterCode(Json.requiredId(body, "matter"));
    String reason = FreeText.required(body, "reason");
    desk(
        rc, "redirect", (ticket, guide) -> new HallCommand.Redirect(ticket, matter, reason, guide));
  }

  void grantGreen(RoutingContext rc) {
    staffOnly(rc);
    JsonObject body = Bodies.object(rc, "channel", "reason");
    ChannelId channel = new ChannelId(Json.requiredId(body, "channel"));
    String reason = FreeText.optional(body, "reason");
    desk(
        rc,
        "grant-green",
        (ticket, guide) -> new HallCommand.GrantGreenChannel(ticket, channel, guide, reason));
  }

  void cancel(RoutingContext rc) {
    staffOnly(rc);
    JsonObject body = Bodies.object(rc, "reason");
    String reason = FreeText.optional(body, "reason");
    desk(rc, "cancel", (ticket, guide) -> new HallCommand.CancelTicket(ticket, reason));
  }

  private static String instant(JsonObject body, String field) {
    return body.getValue(field) == null ? null : Json.requiredInstant(body, field);
  }

  private void staffOnly(RoutingContext rc) {
    Guards.require(
        rc, ctx.hall(rc.pathParam("hall")).id().value(), Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
  }

  /** A help-desk change to the ticket in the path, by the staff member asking. */
  private void desk(
      RoutingContext rc, String route, BiFunction<TicketId, String, HallCommand> command) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.require(rc, hall.id().value(), Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
    HallCommand cmd =
        command.apply(CommandCodec.ticket("ticket", rc.pathParam("ticket")), p.staffNo());
    ctx.gateway
        .command(hall.id().value(), Idempotency.tag(rc, route, HallRequest.of(cmd)))
        .onSuccess(r -> Responses.json(rc, 200, r))
        .onFailure(rc::fail);
  }
}
