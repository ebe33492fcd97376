package cn.suixin.hall.server.http;

import cn.suixin.hall.server.agent.AgentEndpoint;
import cn.suixin.hall.server.live.LiveHub;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/** Every route of the server, one line each. docs and OpenApiTest keep openapi.yaml in step. */
public final class ApiRouter {
  static final int BODY_LIMIT = 16 * 1024;

  private ApiRouter() {}

  public static Router create(Vertx vertx, ApiContext ctx, LiveHub hub, Ops ops) {
    Router router = Router.router(vertx);
    TicketRoutes tickets = new TicketRoutes(ctx);
    WindowRoutes windows = new WindowRoutes(ctx);
    HallRoutes halls = new HallRoutes(ctx);
    AccountRoutes accounts = new AccountRoutes(ctx);
    LiveRoutes live = new LiveRoutes(vertx, ctx, hub);
    AgentEndpoint agents = new AgentEndpoint(vertx, ctx.socketContext());
    KioskRoutes kiosks = new KioskRoutes(ctx);

    router.route().handler(SecurityHeaders::handle);
    router
        .route("/api/*")
        .method(HttpMethod.POST)
        .handler(BodyHandler.create(false).setBodyLimit(BODY_LIMIT));
    // before authentication: enrolment brings its token in the body, and a kiosk's stale cookie
    // must not stop it from being enrolled again
    router.post("/api/v1/halls/:hall/kiosk/enrolment").handler(kiosks::enrol);
    router.route("/api/*").handler(rc -> Guards.authenticate(ctx.accounts, rc));
    router.get("/api/v1/openapi.yaml").handler(ops::openApi);

    router.post("/api/v1/auth/login").handler(accounts::login);
    router.post("/api/v1/auth/logout").handler(halls::logout);
    router.post("/api/v1/users/:username/unlock").handler(accounts::unlock);
    router.get("/api/v1/halls").handler(halls::list);
    router.get("/api/v1/halls/:hall").handler(halls::info);
    router.get("/api/v1/halls/:hall/snapshot").handler(halls::snapshot);
    router.get("/api/v1/halls/:hall/waiting").handler(halls::waiting);
    router.get("/api/v1/halls/:hall/live").handler(live::hall);
    router.get("/api/v1/agents/live").handler(agents::live);
    router.get("/api/v1/halls/:hall/devices").handler(agents::devices);
    router.get("/api/v1/halls/:hall/kiosk/enrolment").handler(kiosks::enrolment);
    router.post("/api/v1/halls/:hall/tickets").handler(tickets::issue);
    router.get("/api/v1/halls/:hall/tickets").handler(tickets::find);
    router.get("/api/v1/halls/:hall/tickets/:ticket").handler(tickets::get);
    router.post("/api/v1/halls/:hall/tickets/:ticket/redirect").handler(tickets::redirect);
    router.post("/api/v1/halls/:hall/tickets/:ticket/green-channel").handler(tickets::grantGreen);
    router.post("/api/v1/halls/:hall/tickets/:ticket/cancel").handler(tickets::cancel);
    router.get("/api/v1/halls/:hall/windows/:window").handler(windows::view);
    router.post("/api/v1/halls/:hall/windows/:window/sign-in").handler(windows::signIn);
    router.post("/api/v1/halls/:hall/windows/:window/sign-out").handler(windows::signOut);
    router.post("/api/v1/halls/:hall/windows/:window/call-next").handler(windows::callNext);
    router.post("/api/v1/halls/:hall/windows/:window/recall").handler(windows::recall);
    router.post("/api/v1/halls/:hall/windows/:window/start").handler(windows::start);
    router.post("/api/v1/halls/:hall/windows/:window/finish").handler(windows::finish);
    router.post("/api/v1/halls/:hall/windows/:window/no-show").handler(windows::noShow);
    router.post("/api/v1/halls/:hall/windows/:window/transfer").handler(windows::transfer);
    router.post("/api/v1/halls/:hall/windows/:window/park").handler(windows::park);
    router.post("/api/v1/halls/:hall/windows/:window/resume-parked").handler(windows::resumeParked);
    router.post("/api/v1/halls/:hall/windows/:window/pause").handler(windows::pause);
    router.post("/api/v1/halls/:hall/windows/:window/resume").handler(windows::resume);
    router.post("/api/v1/halls/:hall/windows/:window/open").handler(windows::open);
    router.post("/api/v1/halls/:hall/windows/:window/close").handler(windows::close);
    router.post("/api/v1/halls/:hall/windows/:window/matters").handler(windows::remap);
    router.post("/api/v1/halls/:hall/ratings").handler(halls::rate);
    router.post("/api/v1/halls/:hall/notice").handler(halls::notice);
    router.post("/api/v1/halls/:hall/offline-blocks").handler(halls::reserveBlock);
    router.post("/api/v1/halls/:hall/offline-tickets").handler(halls::admitOffline);
    router.route("/api/*").handler(rc -> notFound(router, rc));
    router.route("/api/*").failureHandler(Problems::handle);

    router.get("/health").handler(ops::health);
    router.get("/ready").handler(ops::ready);
    router.get("/metrics").handler(MetricsAccess.onMainPort(ctx.doors)).handler(ops::metrics);
    Pages.mount(router);
    return router;
  }

  /** No route took the request: a 405 naming the allowed methods if the path exists, else a 404. */
  private static void notFound(Router router, RoutingContext rc) {
    String allowed =
        router.getRoutes().stream()
            .filter(
                r ->
                    r.getPath() != null
                        && !r.getPath().endsWith("*")
                        && r.methods() != null
                        && samePath(r.getPath(), rc.request().path()))
            .flatMap(r -> r.methods().stream())
            .map(HttpMethod::name)
            .distinct()
            .sorted()
            .collect(java.util.stream.Collectors.joining(", "));
    if (allowed.isEmpty()) {
      rc.fail(Problem.notFound("NOT_FOUND", "没有该接口", "No such endpoint"));
      return;
    }
    rc.fail(
        new Problem(
                405,
                "METHOD_NOT_ALLOWED",
                "该接口不支持此请求方法，可用：" + allowed,
                "This endpoint takes " + allowed + " only")
            .with("allowed", allowed)
            .header("Allow", allowed));
  }

  /** Whether a route's path (with {@code :param} segments) names this request path. */
  private static boolean samePath(String template, String path) {
    String[] want = template.split("/", -1);
    String[] got = path.split("/", -1);
    if (want.length != got.length) {
      return false;
    }
    for (int i = 0; i < want.length; i++) {
      boolean param = want[i].startsWith(":") && !got[i].isEmpty();
      if (!param && !want[i].equals(got[i])) {
        return false;
      }
    }
    return true;
  }
}
