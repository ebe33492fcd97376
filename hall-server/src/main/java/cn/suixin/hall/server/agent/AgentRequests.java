package cn.suixin.hall.server.agent;

import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.http.HallGateway;
import cn.suixin.hall.server.http.Problem;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Agent requests that change the hall (ratings, offline blocks and tickets) as hall commands. The
 * message id is the command's idempotency key, so a message resent after a lost ack is answered
 * with the first reply instead of acting twice. While the hall's owner is unreachable the command
 * is retried for a while; after that the agent's outbox resends it on its next connection.
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
    return command(m, new JsonObject().put("type", "rate").put("record", m.getValue("recordId"))
        .put("level", m.getValue("level")).put("reasons", m.getValue("reasons") == null ? 0 : m.getValue("reasons")));
  }

  /** The reply's block, shaped as the agent's offline.block wants it. */
  Future<JsonObject> reserveBlock(JsonObject m) {
    return command(m, new JsonObject().put("type", "reserve-block").put("device", agent.id())
        .put("matter", m.getValue("matter")).put("size", m.getValue("size"))).map(r -> r.getJsonObject("block"));
  }

  /** The agent prints numbers ("A901"); the engine admits them by their place in the block (901). */
  Future<JsonObject> admitOffline(JsonObject m) {
    JsonArray tickets = new JsonArray();
    JsonArray given = m.getValue("tickets") instanceof JsonArray a ? a : new JsonArray();
    for (Object o : given) {
      if (!(o instanceof JsonObject t)) {
        return Future.failedFuture(Problem.badField("tickets", "a list of {number, issuedAt}"));
      }
      tickets.add(new JsonObject().put("number", numberInBlock(t.getValue("number")))
          .put("issuedAt", t.getValue("issuedAt")));
    }
    return command(m, new JsonObject().put("type", "admit-offline").put("device", agent.id())
        .put("block", blockId(m.getValue("blockId"))).put("tickets", tickets));
  }

  private Future<JsonObject> command(JsonObject m, JsonObject cmd) {
    cmd.put("idem", "AGENT:" + agent.id() + "|" + m.getString("type") + "|" + m.getString("id"));
    Promise<JsonObject> done = Promise.promise();
    attempt(cmd, 1, done);
    return done.future();
  }

  private void attempt(JsonObject cmd, int n, Promise<JsonObject> done) {
    gateway.command(agent.hall(), cmd).onSuccess(done::complete).onFailure(t -> {
      if (t instanceof Problem p && p.status() == 503 && n < ATTEMPTS) {
        vertx.setTimer(RETRY_MILLIS, id -> attempt(cmd, n + 1, done));
      } else {
        done.fail(t);
      }
    });
  }

  private static Object numberInBlock(Object number) {
    if (number instanceof String s) {
      String digits = s.replaceFirst("^[A-Za-z]*", "");
      return digits.matches("\\d{1,6}") ? Integer.valueOf(digits) : s;
    }
    return number;
  }

  /** The agent keeps block ids as text. */
  private static Object blockId(Object id) {
    if (id instanceof String s && s.matches("\\d{1,12}")) {
      return Long.valueOf(s);
    }
    return id;
  }
}
