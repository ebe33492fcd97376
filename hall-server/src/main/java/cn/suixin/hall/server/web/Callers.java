package cn.suixin.hall.server.web;

import cn.suixin.hall.server.auth.Principal;
import io.vertx.ext.web.RoutingContext;

/** Where a request's authenticated caller is kept for the handlers after the token check. */
public final class Callers {
  private static final String PRINCIPAL = "principal";

  private Callers() {}

  public static void remember(RoutingContext rc, Principal p) {
    rc.put(PRINCIPAL, p);
  }

  /** The authenticated caller of the request, or null. */
  public static Principal of(RoutingContext rc) {
    return rc.get(PRINCIPAL);
  }
}
