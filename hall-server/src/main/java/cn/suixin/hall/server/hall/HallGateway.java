package cn.suixin.hall.server.hall;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

/**
 * Sends commands and queries to a hall's owner over the event bus and turns its answer into a
 * result or a {@link HallRefusal} that carries its HTTP meaning. Works the same whether the owner
 * is in this JVM (the request travels as it is) or on another node (as its JSON form).
 */
public final class HallGateway {
  // A hall answers in milliseconds; a request still unanswered after 3 s was sent towards an owner
  // that died, and the caller is better served by a quick 503 and a retry than by waiting.
  private static final DeliveryOptions TIMEOUT = new DeliveryOptions().setSendTimeout(3_000);
  private final Vertx vertx;

  public HallGateway(Vertx vertx) {
    this.vertx = vertx;
    HallRequestCodec.registerOn(vertx);
  }

  /** The command's result object; fails with a HallRefusal for a refusal. */
  public Future<JsonObject> command(String hall, HallRequest request) {
    return ask(Addresses.commands(hall), request);
  }

  public Future<JsonObject> query(String hall, JsonObject query) {
    return ask(Addresses.queries(hall), query);
  }

  private Future<JsonObject> ask(String address, Object body) {
    return vertx
        .eventBus()
        .<JsonObject>request(address, body, TIMEOUT)
        .recover(HallGateway::unreachable)
        .compose(
            m -> {
              JsonObject reply = m.body();
              return reply.getBoolean("ok", false)
                  ? Future.succeededFuture(reply.getJsonObject("result"))
                  : Future.failedFuture(refusal(reply));
            });
  }

  private static <T> Future<T> unreachable(Throwable t) {
    if (t instanceof ReplyException r
        && (r.failureType() == ReplyFailure.NO_HANDLERS
            || r.failureType() == ReplyFailure.TIMEOUT)) {
      return Future.failedFuture(refusal(Replies.unavailable(r.failureType().name())));
    }
    return Future.failedFuture(t);
  }

  /** The owner's refusal as it said it: status, code, texts, field and detail. */
  public static HallRefusal refusal(JsonObject reply) {
    return HallRefusal.of(reply);
  }
}
