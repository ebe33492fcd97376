package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.live.LiveHub;
import cn.suixin.hall.server.live.ScreenConnections;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

/** Upgrades {@code /api/v1/halls/{hall}/live} to a live socket. */
final class LiveRoutes {
  private final Vertx vertx;
  private final ApiContext ctx;
  private final LiveHub hub;

  LiveRoutes(Vertx vertx, ApiContext ctx, LiveHub hub) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.hub = hub;
  }

  void hall(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    if (!rc.request().canUpgradeToWebSocket()) {
      throw Problem.badField("Upgrade", "this endpoint is a WebSocket", "本接口须以 WebSocket 连接");
    }
    boolean staff = "1".equals(rc.queryParams().get("staff"));
    String sinceParam = rc.queryParams().get("since");
    long since;
    try {
      since = sinceParam == null ? 0 : Long.parseLong(sinceParam);
    } catch (NumberFormatException e) {
      throw Problem.badField("since", "a sequence number", "须为序号");
    }
    long from = Math.max(0, since);
    rc.request()
        .toWebSocket()
        .onSuccess(
            ws ->
                ScreenConnections.open(
                    vertx,
                    hub,
                    ctx.gateway,
                    ctx.accounts,
                    hall.id().value(),
                    ws,
                    staff,
                    from,
                    ctx.sockets))
        .onFailure(rc::fail);
  }
}
