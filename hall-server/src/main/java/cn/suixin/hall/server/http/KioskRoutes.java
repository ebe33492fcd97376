package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Enrolment of a kiosk PC: a technician opens {@code /halls/{hall}/kiosk/enrol} on it once and
 * enters the kiosk's device token; the server checks it and hands the browser the device cookie
 * ({@link KioskCookie}). From then on the kiosk page's address carries no token.
 */
final class KioskRoutes {
  private final ApiContext ctx;

  KioskRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  /** {@code POST /api/v1/halls/{hall}/kiosk/enrolment} with {@code {"token": "..."}}. */
  void enrol(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    if (!"1".equals(rc.request().getHeader(KioskCookie.HEADER))) {
      throw missingHeader();
    }
    String token = Json.requiredString(Bodies.object(rc, "token"), "token").trim();
    ctx.accounts
        .authenticate(token)
        .onSuccess(
            p -> {
              if (p == null) {
                rc.fail(
                    new Problem(
                            401,
                            "UNKNOWN_DEVICE_TOKEN",
                            "设备令牌无效：请核对令牌，或用 devices add --kind kiosk 重新生成",
                            "Unknown device token: check it, or make a new one with devices add --kind kiosk")
                        .with("field", "token"));
              } else if (!p.is(Role.KIOSK) || !hall.id().value().equals(p.hall())) {
                rc.fail(
                    Problem.forbidden("该令牌不是本大厅的取号机", "This token is not a kiosk of this hall")
                        .with("field", "token")
                        .with("kind", p.role().name().toLowerCase()));
              } else {
                KioskCookie.set(rc.request(), rc.response(), token);
                Responses.json(rc, 200, describe(p, hall));
              }
            })
        .onFailure(rc::fail);
  }

  /** {@code GET /api/v1/halls/{hall}/kiosk/enrolment}: which kiosk this browser is, if any. */
  void enrolment(RoutingContext rc) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.caller(rc);
    if (p == null || !p.is(Role.KIOSK) || !hall.id().value().equals(p.hall())) {
      throw notEnrolled();
    }
    Responses.json(rc, 200, describe(p, hall));
  }

  static Problem notEnrolled() {
    return new Problem(
        401,
        "KIOSK_NOT_ENROLLED",
        "未登记的取号机：请技术人员在本机打开 /halls/{大厅}/kiosk/enrol 登记",
        "This kiosk is not enrolled: a technician opens /halls/{hall}/kiosk/enrol on it to enrol it");
  }

  static Problem missingHeader() {
    return Problem.forbidden(
            "取号机的请求须带 " + KioskCookie.HEADER + ": 1 请求头（防止跨站伪造请求）",
            "A kiosk request must carry the "
                + KioskCookie.HEADER
                + ": 1 header (against cross-site request forgery)")
        .with("header", KioskCookie.HEADER);
  }

  private static JsonObject describe(Principal p, HallConfig hall) {
    String id = hall.id().value();
    return new JsonObject()
        .put("device", p.id())
        .put("name", p.name())
        .put("hall", id)
        .put("kiosk", "/halls/" + id + "/kiosk");
  }
}
