package cn.suixin.hall.server.agent;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.web.Callers;
import cn.suixin.hall.server.web.Problem;
import cn.suixin.hall.server.web.SocketContext;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** The agents' socket ({@code /api/v1/agents/live}) and the supervisor's list of their devices. */
public final class AgentEndpoint {
  private final Vertx vertx;
  private final SocketContext ctx;
  private final DeviceBoard board;

  public AgentEndpoint(Vertx vertx, SocketContext ctx) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.board =
        new DeviceBoard(vertx, ctx.city().halls().stream().map(h -> h.id().value()).toList());
  }

  public void live(RoutingContext rc) {
    if (!rc.request().canUpgradeToWebSocket()) {
      throw Problem.badField("Upgrade", "this endpoint is a WebSocket", "本接口须以 WebSocket 连接");
    }
    rc.request()
        .toWebSocket()
        .onSuccess(ws -> new AgentConnection(vertx, ctx, ws).start())
        .onFailure(rc::fail);
  }

  /** {@code GET /api/v1/halls/{hall}/devices}: the latest state of every agent's devices. */
  public void devices(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Callers.of(rc);
    if (p == null) {
      throw Problem.unauthorized();
    }
    if (!p.is(Role.GUIDE, Role.SUPERVISOR, Role.ADMIN) || !p.belongsTo(hall.id().value())) {
      throw Problem.forbidden("只有本大厅的管理人员可以查看设备状态", "Only this hall's staff see device states");
    }
    JsonObject body =
        new JsonObject()
            .put("hall", hall.id().value())
            .put("devices", board.devices(hall.id().value()));
    rc.response()
        .setStatusCode(200)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
