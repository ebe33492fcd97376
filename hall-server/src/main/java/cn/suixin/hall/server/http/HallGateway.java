package cn.suixin.hall.server.http;

import cn.suixin.hall.server.hall.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Sends commands and queries to a hall's owner over the event bus and turns its answer into a
 * result or a {@link Problem}. Works the same whether the owner is in this JVM or another node.
 */
public final class HallGateway {
  // A hall answers in milliseconds; a request still unanswered after 3 s was sent towards an owner
  // that died, and the caller is better served by a quick 503 and a retry than by waiting.
  private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(3_000);
  /** Engine rejections that mean "that thing does not exist" rather than "not now". */
  private static final Set<String> NOT_FOUND = Set.of("UNKNOWN_TICKET", "UNKNOWN_SERVICE_RECORD", "UNKNOWN_QUERY");
  private final Vertx vertx;

  public HallGateway(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The command's result object; fails with a Problem for a refusal. */
  public Future<JsonObject> command(String hall, JsonObject command) {
    return ask(Addresses.commands(hall), command);
  }

  public Future<JsonObject> query(String hall, JsonObject query) {
    return ask(Addresses.queries(hall), query);
  }

  private Future<JsonObject> ask(String address, JsonObject body) {
    return vertx.eventBus().<JsonObject>request(address, body, TIMEOUT)
        .recover(HallGateway::unreachable)
        .compose(m -> {
          JsonObject reply = m.body();
          return reply.getBoolean("ok", false) ? Future.succeededFuture(reply.getJsonObject("result"))
              : Future.failedFuture(problem(reply));
        });
  }

  private static <T> Future<T> unreachable(Throwable t) {
    if (t instanceof ReplyException r && (r.failureType() == ReplyFailure.NO_HANDLERS
        || r.failureType() == ReplyFailure.TIMEOUT)) {
      return Future.failedFuture(Problem.unavailable(r.failureType().name()));
    }
    return Future.failedFuture(t);
  }

  static Problem problem(JsonObject reply) {
    String code = reply.getString("code");
    String zh = reply.getString("message");
    String en = reply.getString("messageEn");
    Problem p;
    if ("BAD_FIELD".equals(code)) {
      p = Problem.badField(reply.getString("field"), en);
    } else if ("HALL_UNAVAILABLE".equals(code)) {
      p = Problem.unavailable(reply.getString("detail"));
    } else if ("INTERNAL".equals(code)) {
      // the owner failed to decide the command (logged there); nothing of it was kept
      p = new Problem(500, code, zh, en);
    } else if ("NOT_YOUR_WINDOW".equals(code)) {
      // keep the owner's code: a clerk console tells "not your window" apart from "not your role"
      p = new Problem(403, code, zh, en);
    } else if (NOT_FOUND.contains(code)) {
      p = Problem.notFound(code, zh, en);
    } else if ("UNKNOWN_MATTER".equals(code) || "UNKNOWN_GREEN_CHANNEL".equals(code)) {
      p = new Problem(400, code, zh, en).with("field", code.equals("UNKNOWN_MATTER") ? "matter" : "greenChannel");
    } else {
      p = new Problem(409, code, zh, en);
    }
    String detail = reply.getString("detail");
    return detail == null || detail.isEmpty() ? p : p.with("detail", detail);
  }
}
