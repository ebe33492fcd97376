package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.web.Callers;
import cn.suixin.hall.server.web.Problem;
import io.vertx.ext.web.RoutingContext;

/**
 * Who may do what: resolves the bearer token (or a kiosk's cookie) and checks roles, halls and
 * windows.
 */
final class Guards {

  private Guards() {}

  /** Route handler: puts the caller (or nothing) into the context, then goes on. */
  static void authenticate(Accounts accounts, RoutingContext rc) {
    String header = rc.request().getHeader("Authorization");
    String token =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? header.substring(7).trim()
            : null;
    if (token == null) {
      String kiosk = KioskCookie.read(rc.request());
      if (kiosk == null) {
        rc.next();
      } else {
        byCookie(accounts, rc, kiosk);
      }
      return;
    }
    accounts
        .authenticate(token)
        .onSuccess(
            p -> {
              if (p == null) {
                rc.fail(Problem.unauthorized());
              } else {
                Callers.remember(rc, p);
                rc.next();
              }
            })
        .onFailure(rc::fail);
  }

  /**
   * A device's cookie, set at enrolment; never a person's session, which travels only as a bearer
   * token. A stale cookie (the device was removed) leaves a read anonymous, so the kiosk page can
   * still say it is not enrolled, but refuses a change: a revoked kiosk must not issue phone
   * tickets.
   */
  private static void byCookie(Accounts accounts, RoutingContext rc, String token) {
    if (!KioskCookie.mayChange(rc.request())) {
      rc.fail(KioskRoutes.missingHeader());
      return;
    }
    accounts
        .authenticate(token)
        .onSuccess(
            p -> {
              if (p != null && p.role().isDevice()) {
                Callers.remember(rc, p);
                rc.next();
              } else if (KioskCookie.reads(rc.request())) {
                rc.next();
              } else {
                rc.fail(KioskRoutes.notEnrolled());
              }
            })
        .onFailure(rc::fail);
  }

  static Principal caller(RoutingContext rc) {
    return Callers.of(rc);
  }

  /** The caller, who must have one of the roles and belong to the hall. */
  static Principal require(RoutingContext rc, String hall, Role... roles) {
    Principal p = caller(rc);
    if (p == null) {
      throw Problem.unauthorized();
    }
    if (!p.is(roles)) {
      throw Problem.forbidden("您的角色不能执行此操作", "Your role may not do this")
          .with("role", p.role().name());
    }
    if (hall != null && !p.belongsTo(hall)) {
      throw Problem.forbidden("您不属于该大厅", "You do not belong to this hall");
    }
    return p;
  }

  static WindowId window(HallConfig hall, String id) {
    WindowId w;
    try {
      w = new WindowId(id);
    } catch (IllegalArgumentException e) {
      w = null;
    }
    if (w == null || !hall.windows().containsKey(w)) {
      throw Problem.notFound("UNKNOWN_WINDOW", "没有该窗口", "No such window").with("window", id);
    }
    return w;
  }

  static boolean isStaff(Principal p) {
    return p != null && p.is(Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
  }

  static boolean isManager(Principal p) {
    return p != null && p.is(Role.SUPERVISOR, Role.ADMIN);
  }
}
