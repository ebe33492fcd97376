package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.Asker;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.CommandCodec;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.hall.HallRequest;
import cn.suixin.hall.server.web.FreeText;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/**
 * A window's commands. Serving actions are for the clerk signed in at that window only (the hall
 * decides it, atomically with the command: a clerk asks as a clerk); pausing is also open to
 * supervisors; opening, closing and remapping are supervisors' work.
 */
final class WindowRoutes {
  private final ApiContext ctx;

  WindowRoutes(ApiContext ctx) {
    this.ctx = ctx;
  }

  void signIn(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    Bodies.object(rc);
    send(
        rc,
        t,
        "sign-in",
        new HallCommand.SignIn(t.window, new Clerk(t.caller.staffNo(), t.caller.name())));
  }

  void signOut(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
    Bodies.object(rc);
    send(rc, t, "sign-out", new HallCommand.SignOut(t.window));
  }

  /** Nobody waiting is answered 204 No Content (the meaning the hall gives NO_WAITING_TICKET). */
  void callNext(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    Bodies.object(rc);
    send(rc, t, "call-next", new HallCommand.CallNext(t.window));
  }

  void recall(RoutingContext rc) {
    simple(rc, "recall", HallCommand.Recall::new);
  }

  void start(RoutingContext rc) {
    simple(rc, "start", HallCommand.StartService::new);
  }

  void noShow(RoutingContext rc) {
    simple(rc, "no-show", HallCommand.MarkNoShow::new);
  }

  void park(RoutingContext rc) {
    simple(rc, "park", HallCommand.Park::new);
  }

  /** A serving action with nothing but the window. */
  private void simple(RoutingContext rc, String route, Function<WindowId, HallCommand> command) {
    Target t = target(rc, Role.CLERK);
    Bodies.object(rc);
    send(rc, t, route, command.apply(t.window));
  }

  void finish(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    JsonObject body =
        Bodies.object(rc, "outcome", "missingMaterials", "dueDate", "referredTo", "reason");
    send(rc, t, "finish", new HallCommand.FinishService(t.window, WindowBodies.outcome(body)));
  }

  void transfer(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    JsonObject body = Bodies.object(rc, "matter", "window", "reason");
    String matter = Json.optionalId(body, "matter");
    String reason = FreeText.optional(body, "reason");
    String to = Json.optionalString(body, "window");
    WindowId toWindow = to == null ? null : Guards.window(ctx.hall(t.hall), to);
    if (matter == null && to == null) {
      throw Problem.badField("matter", "a transfer needs a matter or a window", "转办须指定事项或窗口");
    }
    send(
        rc,
        t,
        "transfer",
        new HallCommand.Transfer(
            t.window, matter == null ? null : new MatterCode(matter), toWindow, reason));
  }

  void resumeParked(RoutingContext rc) {
    Target t = target(rc, Role.CLERK);
    JsonObject body = Bodies.object(rc, "ticket");
    send(
        rc,
        t,
        "resume-parked",
        new HallCommand.ResumeParked(
            t.window, CommandCodec.ticket("ticket", Json.requiredString(body, "ticket"))));
  }

  void pause(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "reason");
    send(rc, t, "pause", new HallCommand.PauseWindow(t.window, FreeText.required(body, "reason")));
  }

  void resume(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.SUPERVISOR, Role.ADMIN);
    Bodies.object(rc);
    send(rc, t, "resume", new HallCommand.ResumeWindow(t.window));
  }

  void open(RoutingContext rc) {
    Target t = target(rc, Role.SUPERVISOR, Role.ADMIN);
    Bodies.object(rc);
    send(rc, t, "open", new HallCommand.OpenWindow(t.window));
  }

  void close(RoutingContext rc) {
    Target t = target(rc, Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "reason");
    send(rc, t, "close", new HallCommand.CloseWindow(t.window, FreeText.optional(body, "reason")));
  }

  void remap(RoutingContext rc) {
    Target t = target(rc, Role.SUPERVISOR, Role.ADMIN);
    JsonObject body = Bodies.object(rc, "matters");
    send(rc, t, "remap", new HallCommand.RemapWindow(t.window, WindowBodies.matters(body)));
  }

  /** What a window shows its clerk: state, parked tickets and who waits for it. */
  void view(RoutingContext rc) {
    Target t = target(rc, Role.CLERK, Role.GUIDE, Role.SUPERVISOR, Role.ADMIN);
    ctx.gateway
        .query(t.hall, new JsonObject().put("type", "window").put("window", t.window.value()))
        .onSuccess(r -> Responses.json(rc, 200, r))
        .onFailure(rc::fail);
  }

  private record Target(String hall, WindowId window, Principal caller) {}

  private Target target(RoutingContext rc, Role... roles) {
    HallConfig hall = ctx.hall(rc.pathParam("hall"));
    Principal p = Guards.require(rc, hall.id().value(), roles);
    WindowId w = Guards.window(hall, rc.pathParam("window"));
    return new Target(hall.id().value(), w, p);
  }

  /**
   * A clerk asks as the clerk they are, which the hall holds to their own window; others ask as
   * staff.
   */
  private void send(RoutingContext rc, Target t, String route, HallCommand command) {
    Asker asker = t.caller.is(Role.CLERK) ? Asker.clerk(t.caller.staffNo()) : Asker.ANYONE;
    HallRequest request = new HallRequest(command, asker, null);
    ctx.gateway
        .command(t.hall, Idempotency.tag(rc, route + ":" + t.window.value(), request))
        .onSuccess(r -> Responses.json(rc, 200, r))
        .onFailure(rc::fail);
  }
}
