package cn.suixin.hall.server.agent;

import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.codec.FieldPath;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.codec.JsonLists;
import cn.suixin.hall.server.hall.HallGateway;
import cn.suixin.hall.server.hall.HallRefusal;
import cn.suixin.hall.server.hall.HallRequest;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Agent requests that change the hall (ratings, offline blocks and tickets) as hall commands. The
 * message id is the command's idempotency key, so a message resent after a lost ack is answered
 * with the first reply instead of acting twice. While the hall's owner is unreachable the command
 * is retried for a while; after that the agent's outbox resends it on its next connection. Every
 * field is checked here, before the hall sees the command; fields an agent adds and the server does
 * not use are let through, so a newer agent's hand-over is not refused and lost.
 */
final class AgentRequests {
  private static final int ATTEMPTS = 10;
  private static final long RETRY_MILLIS = 1000;
  private final Vertx vertx;
  private final HallGateway gateway;
  private final Principal agent;

  AgentRequests(Vertx vertx, HallGateway gateway, Principal agent) {
    this.vertx = vertx;
    this.gateway = gateway;
    this.agent = agent;
  }

  Future<JsonObject> rate(JsonObject m) {
    return checked(
        m,
        () ->
            new HallCommand.RecordRating(
                new ServiceRecordId(Json.requiredInt(m, "recordId")),
                Json.requiredInt(m, "level"),
                reasons(m),
                null));
  }

  /** The reply's block, shaped as the agent's offline.block wants it. */
  Future<JsonObject> reserveBlock(JsonObject m) {
    return checked(
            m,
            () ->
                new HallCommand.ReserveNumberBlock(
                    new DeviceId(agent.id()),
                    new MatterCode(Json.requiredId(m, "matter")),
                    Json.requiredInt(m, "size")))
        .map(r -> r.getJsonObject("block"));
  }

  /**
   * The agent prints numbers ("A901"); the engine admits them by their place in the block (901).
   */
  Future<JsonObject> admitOffline(JsonObject m) {
    return checked(
        m,
        () -> {
          long block = blockId(m);
          JsonArray given = JsonLists.requiredArray(m, "tickets");
          List<HallCommand.OfflineTicket> tickets = new ArrayList<>();
          for (int i = 0; i < given.size(); i++) {
            JsonObject t = JsonLists.objectAt(given, "tickets", i);
            tickets.add(
                BadField.within(
                    FieldPath.index("tickets", i),
                    () ->
                        new HallCommand.OfflineTicket(
                            numberInBlock(t), Instant.parse(Json.requiredInstant(t, "issuedAt")))));
          }
          return new HallCommand.AdmitOfflineTickets(new DeviceId(agent.id()), block, tickets);
        });
  }

  /** A command built from the message, or the message's bad field as the refusal. */
  private Future<JsonObject> checked(JsonObject m, Supplier<HallCommand> build) {
    HallCommand cmd;
    try {
      cmd = build.get();
    } catch (BadField e) {
      return Future.failedFuture(
          e.problemZh() == null
              ? Problem.badField(e.field(), e.problem())
              : Problem.badField(e.field(), e.problem(), e.problemZh()));
    }
    return command(m, cmd);
  }

  private Future<JsonObject> command(JsonObject m, HallCommand cmd) {
    HallRequest request = HallRequest.of(cmd);
    if (m.getValue("id") instanceof String id) {
      // without an id there is nothing to recognise a resend by: such messages must not share one
      // key
      request = request.withKey("AGENT:" + agent.id() + "|" + m.getString("type") + "|" + id);
    }
    Promise<JsonObject> done = Promise.promise();
    attempt(request, 1, done);
    return done.future();
  }

  /** Fails with the hall's refusal as a Problem, as the agent's messages are answered. */
  private void attempt(HallRequest request, int n, Promise<JsonObject> done) {
    gateway
        .command(agent.hall(), request)
        .onSuccess(done::complete)
        .onFailure(
            t -> {
              if (t instanceof HallRefusal r && r.unavailable() && n < ATTEMPTS) {
                vertx.setTimer(RETRY_MILLIS, id -> attempt(request, n + 1, done));
              } else {
                done.fail(t instanceof HallRefusal r ? Problem.from(r) : t);
              }
            });
  }

  private static int reasons(JsonObject m) {
    Integer bits = Json.optionalInt(m, "reasons");
    return bits == null ? 0 : bits;
  }

  /** The printed number ("A901", letters then digits) or the place itself (901). */
  private static int numberInBlock(JsonObject t) {
    if (t.getValue("number") instanceof String s && s.matches("[A-Za-z]{0,2}\\d{1,6}")) {
      return Integer.parseInt(s.replaceFirst("^[A-Za-z]*", ""));
    }
    if (t.getValue("number") instanceof String) {
      throw new BadField("number", "must be a ticket number like A901", "须为票号，如 A901");
    }
    return Json.requiredInt(t, "number");
  }

  /** The agent keeps block ids as text; the server sent it a number. */
  private static long blockId(JsonObject m) {
    Object id = m.getValue("blockId");
    if (id instanceof String s && s.matches("\\d{1,12}")) {
      return Long.parseLong(s);
    }
    if (id instanceof Integer || id instanceof Long) {
      return ((Number) id).longValue();
    }
    throw new BadField("blockId", "must be a block id: digits, as text or a number", "须为号段编号（数字）");
  }
}
