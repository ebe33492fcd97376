package cn.suixin.hall.server.live;

import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.hall.HallGateway;
import cn.suixin.hall.server.web.SocketTimeouts;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

/** Entry point for the HTTP layer to hand an upgraded socket to the feed. */
public final class ScreenConnections {
  private ScreenConnections() {}

  public static void open(
      Vertx vertx,
      LiveHub hub,
      HallGateway gateway,
      Accounts accounts,
      String hall,
      ServerWebSocket ws,
      boolean staff,
      long since,
      SocketTimeouts timeouts) {
    new ScreenConnection(vertx, hub, gateway, accounts, hall, ws, staff, since)
        .start(SocketWatch.start(vertx, ws, timeouts));
  }
}
