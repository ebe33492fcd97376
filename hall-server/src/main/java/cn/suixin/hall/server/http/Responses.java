package cn.suixin.hall.server.http;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

final class Responses {
  private Responses() {}

  static void json(RoutingContext rc, int status, JsonObject body) {
    rc.response()
        .setStatusCode(status)
        .putHeader("Content-Type", "application/json; charset=utf-8")
        .putHeader("Cache-Control", "no-store")
        .end(body.encode());
  }
}
