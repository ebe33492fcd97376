package cn.suixin.hall.server.http;

import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.hall.HallRequest;
import cn.suixin.hall.server.web.Problem;
import io.vertx.ext.web.RoutingContext;

/**
 * Carries a request's Idempotency-Key to the hall owner, scoped to the caller so two callers' keys
 * never meet. The owner answers a repeated key with the first reply.
 */
final class Idempotency {
  private Idempotency() {}

  /** The request with its caller-scoped key, if the caller sent one. */
  static HallRequest tag(RoutingContext rc, String route, HallRequest request) {
    String key = rc.request().getHeader("Idempotency-Key");
    if (key == null) {
      return request;
    }
    if (key.isBlank() || key.length() > 128) {
      throw Problem.badField("Idempotency-Key", "1-128 characters", "须为 1 至 128 个字符");
    }
    Principal p = Guards.caller(rc);
    String who =
        p != null ? p.role() + ":" + p.id() : "anon:" + rc.request().remoteAddress().hostAddress();
    // the key's form is kept in journals and snapshots: a retry across a restart must find it
    return request.withKey(who + "|" + route + "|" + key);
  }
}
