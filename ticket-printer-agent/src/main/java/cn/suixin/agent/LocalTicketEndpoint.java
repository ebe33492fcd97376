package cn.suixin.agent;

import cn.suixin.agent.offline.OfflineDecision;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;

/**
 * HTTP on 127.0.0.1 only, for the kiosk page on the same PC: when the server is down the page asks
 * here for an offline ticket. The page comes from the hall server's origin, hence the CORS headers.
 * Requests are handled on the agent's worker context, where the offline desk's fsync may block.
 */
final class LocalTicketEndpoint {

  private final Vertx vertx;
  private final OfflineFallback offline;
  private final BooleanSupplier linkUp;
  private HttpServer server;

  LocalTicketEndpoint(Vertx vertx, OfflineFallback offline, BooleanSupplier linkUp) {
    this.vertx = vertx;
    this.offline = offline;
    this.linkUp = linkUp;
  }

  Future<HttpServer> listen(int port) {
    server = vertx.createHttpServer().requestHandler(this::handle);
    return server.listen(port, "127.0.0.1");
  }

  Future<Void> close() {
    return server == null ? Future.succeededFuture() : server.close();
  }

  private void handle(HttpServerRequest req) {
    req.response()
        .putHeader("Access-Control-Allow-Origin", "*")
        .putHeader("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
        .putHeader("Access-Control-Allow-Headers", "Content-Type");
    String path = req.path();
    if ("OPTIONS".equals(req.method().name())) {
      req.response().setStatusCode(204).end();
    } else if ("POST".equals(req.method().name()) && "/offline/tickets".equals(path)) {
      req.body()
          .onSuccess(body -> issue(req, body.toString()))
          .onFailure(e -> reply(req, 400, problem("BAD_REQUEST", e.getMessage())));
    } else if ("GET".equals(req.method().name()) && "/health".equals(path)) {
      reply(req, 200, new JsonObject().put("linkUp", linkUp.getAsBoolean()));
    } else {
      reply(req, 404, problem("NOT_FOUND", path));
    }
  }

  private void issue(HttpServerRequest req, String body) {
    String matter;
    try {
      matter = new JsonObject(body).getString("matter");
    } catch (DecodeException | ClassCastException e) {
      matter = null;
    }
    if (matter == null || matter.isBlank()) {
      reply(req, 400, problem("BAD_REQUEST", "matter is required"));
      return;
    }
    OfflineDecision d;
    try {
      d = offline.issue(matter);
    } catch (RuntimeException e) {
      reply(req, 500, problem("ERROR", e.getMessage()));
      return;
    }
    if (d instanceof OfflineDecision.Issued i) {
      reply(
          req,
          201,
          new JsonObject()
              .put("number", i.ticket().number())
              .put("offline", true)
              .put("matter", i.ticket().matter())
              .put("issuedAt", i.ticket().issuedAt()));
    } else {
      reply(
          req,
          503,
          problem(
              ((OfflineDecision.Rejected) d).reason().name(), "no offline numbers for " + matter));
    }
  }

  private static JsonObject problem(String code, String detail) {
    return new JsonObject().put("code", code).put("detail", detail);
  }

  private static void reply(HttpServerRequest req, int status, JsonObject body) {
    req.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json")
        .end(body.encode());
  }
}
