package cn.suixin.hall.server.http;

import cn.suixin.hall.server.web.Problem;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may read {@code /metrics}: it tells halls' load, queue lengths and login failures, so it is
 * never open on the public port. There it needs the configured bearer token; with a separate
 * metrics listener it is served only on that listener (behind the token too, if one is set).
 */
final class MetricsAccess implements Handler<RoutingContext> {
  private final Doors doors;
  private final boolean mainPort;

  private MetricsAccess(Doors doors, boolean mainPort) {
    this.doors = doors;
    this.mainPort = mainPort;
  }

  /** The guard of {@code /metrics} on the main port. */
  static MetricsAccess onMainPort(Doors doors) {
    return new MetricsAccess(doors, true);
  }

  /**
   * The separate metrics listener on the management address, or no server if none is configured.
   */
  static Future<HttpServer> listen(Vertx vertx, Doors doors, Ops ops) {
    if (doors.metricsPort() < 0) {
      return Future.succeededFuture();
    }
    Router router = Router.router(vertx);
    router.get("/metrics").handler(new MetricsAccess(doors, false)).handler(ops::metrics);
    return vertx
        .createHttpServer(
            new HttpServerOptions().setHost(doors.metricsHost()).setPort(doors.metricsPort()))
        .requestHandler(router)
        .listen();
  }

  @Override
  public void handle(RoutingContext rc) {
    if (mainPort && doors.metricsPort() >= 0) {
      Problems.send(rc.response(), Problem.notFound("NOT_FOUND", "没有该资源", "Not found"));
      return;
    }
    String token = doors.metricsToken();
    if (token == null) {
      if (mainPort) {
        Problems.send(
            rc.response(),
            new Problem(
                    401,
                    "METRICS_CLOSED",
                    "未配置指标令牌（metricsToken），/metrics 不对外开放",
                    "/metrics is closed: configure metricsToken or metricsPort to open it")
                .header("WWW-Authenticate", "Bearer realm=\"metrics\""));
        return;
      }
      rc.next();
      return;
    }
    if (!sameToken(rc.request().getHeader("Authorization"), token)) {
      Problems.send(
          rc.response(),
          new Problem(
                  401, "UNAUTHORIZED", "读取指标需要有效的指标令牌", "Reading metrics needs the metrics token")
              .header("WWW-Authenticate", "Bearer realm=\"metrics\""));
      return;
    }
    rc.next();
  }

  /**
   * Compared in constant time, so the answer's timing gives the token away byte by byte to no one.
   */
  private static boolean sameToken(String header, String token) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    return MessageDigest.isEqual(
        header.substring(7).trim().getBytes(StandardCharsets.UTF_8),
        token.getBytes(StandardCharsets.UTF_8));
  }
}
