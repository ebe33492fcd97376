package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * A window's commands. Serving actions are for the clerk signed in at that window only (checked
 * by the hall owner, atomically with the command); pausing is also open to supervisors; opening,
 * closing and remapping are supervisors' work.
 */
final class WindowRoutes {
  private final ApiContext ctx;

  WindowRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void signIn(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    Bodies.object(rc);
    send(rc, t, new JsonObject().put("type", "sign-in").put("staffNo", t.caller.staffNo())
        .put("clerkName", t.caller.name()));
  }

  void signOut(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
    Bodies.object(rc);
    JsonObject cmd = new JsonObject().put("type", "sign-out");
    if (t.caller.is(Role.CLERK)) {
      cmd.put("asClerk", t.caller.staffNo());
    }
    send(rc, t, cmd);
  }

  void callNext(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    Bodies.object(rc);
    JsonObject cmd = clerk(t, "call-next").put("window", t.window);
    ctx.gateway.command(t.hall, Idempotency.tag(rc, "call-next:" + t.window, cmd))
        .onSuccess(r -> Responses.json(rc, 200, r))
        .onFailure(f -> {
          if (f instanceof Problem p && p.body().getString("code").equals("NO_WAITING_TICKET")) {
            rc.response().setStatusCode(204).end();
          } else {
            rc.fail(f);
          }
        });
  }

  void simple(RoutingContext rc, String type) {
    Target t = target(rc, Role.CLERK);
    Bodies.object(rc);
    send(rc, t, clerk(t, type));
  }

  void finish(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    JsonObject body = Bodies.object(rc, "outcome", "missingMaterials", "dueDate", "referredTo", "reason");
    send(rc, t, clerk(t, "finish").mergeIn(WindowBodies.outcome(body)));
  }

  void transfer(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    JsonObject body = Bodies.object(rc, "matter", "window", "reason");
    JsonObject cmd = clerk(t, "transfer").put("matter", Json.optionalId(body, "matter"))
        .put("reason", FreeText.optional(body, "reason"));
    String to = Json.optionalString(body, "window");
    if (to != null) {
      cmd.put("toWindow", Guards.window(ctx.hall(t.hall), to).value());
    }
    if (cmd.getString("matter") == null && to == null) {
      throw Problem.badField("matter", "a transfer needs a matter or a window", "转办须指定事项或窗口");
    }
    send(rc, t, cmd);
  }

  void resumeParked(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    JsonObject body = Bodies.object(rc, "ticket");
    send(rc, t, clerk(t, "resume-parked").put("ticket", Json.requiredString(body, "ticket")));
  }

  void pause(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "reason");
    send(rc, t, asClerkIfClerk(t, "pause").put("reason", FreeText.required(body, "reason")));
  }

  void resume(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
    Bodies.object(rc);
    send(rc, t, asClerkIfClerk(t, "resume"));
  }

  void open(RoutingContext rc) {
    Target t = target(rc, Role.SUPERVISOR, Role.ADMIN);
    Bodies.object(rc);
    send(rc, t, new JsonObject().put("type", "open"));
  }

  void close(RoutingContext rc) {
    Target t = target(rc, Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "reason");
    send(rc, t, new JsonObject().put("type", "close").put("reason", FreeText.optional(body, "reason")));
  }

  void remap(RoutingContext rc) {
    Target t = target(rc, Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "matters");
    send(rc, t, new JsonObject().put("type", "remap").put("matters", WindowBodies.matters(body)));
  }

  /** What a window shows its clerk: state, parked tickets and who waits for it. */
  void view(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
    ctx.gateway.query(t.hall, new JsonObject().put("type", "window").put("window", t.window))
        .onSuccess(r -> Responses.json(rc, 200, r)).onFailure(rc::fail);
  }

  private record Target(String hall, String window, Principal caller) {
  }

  private Target target(RoutingContext rc, Role... roles) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.require(rc, hall.id().value(), roles);
    WindowId w = Guards.window(hall, rc.pathParam("window"));
    return new Target(hall.id().value(), w.value(), p);
  }

  private static JsonObject clerk(Target t, String type) {
    return new JsonObject().put("type", type).put("asClerk", t.caller.staffNo());
  }

  private static JsonObject asClerkIfClerk(Target t, String type) {
    return t.caller.is(Role.CLERK) ? clerk(t, type) : new JsonObject().put("type", type);
  }

  private void send(RoutingContext rc, Target t, JsonObject cmd) {
    cmd.put("window", t.window);
    ctx.gateway.command(t.hall, Idempotency.tag(rc, cmd.getString("type") + ":" + t.window, cmd))
        .onSuccess(r -> Responses.json(rc, 200, r)).onFailure(rc::fail);
  }
}
