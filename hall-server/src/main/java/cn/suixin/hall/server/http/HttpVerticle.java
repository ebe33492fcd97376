package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.identity.IdNumbers;
import cn.suixin.hall.server.live.LiveHub;
import cn.suixin.hall.server.view.FollowLinks;
import cn.suixin.hall.server.web.SocketTimeouts;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The HTTP and WebSocket face of every hall on this node. */
public final class HttpVerticle extends VerticleBase {
  private final CityConfig city;
  private final Accounts accounts;
  private final IdNumbers idNumbers;
  private final PrometheusMeterRegistry registry;
  private final int port;
  private final Supplier<Future<JsonObject>> ready;
  private final Shared shared;
  private LiveHub hub;
  private HttpServer server;
  private HttpServer metricsServer;

  /**
   * What the node's HTTP verticle instances share: the live-connection count, the phone limit, the
   * links.
   */
  public static final class Shared {
    private final AtomicInteger liveConnections = new AtomicInteger();
    private final RateLimiter phones = new RateLimiter(6, 3);
    private final FollowLinks links;
    private final Doors doors;

    public Shared(FollowLinks links) {
      this(links, Doors.CLOSED);
    }

    public Shared(FollowLinks links, Doors doors) {
      this.links = links;
      this.doors = doors;
    }
  }

  public HttpVerticle(
      CityConfig city,
      Accounts accounts,
      IdNumbers idNumbers,
      PrometheusMeterRegistry registry,
      int port,
      Supplier<Future<JsonObject>> ready,
      Shared shared) {
    this.shared = shared;
    this.city = city;
    this.accounts = accounts;
    this.idNumbers = idNumbers;
    this.registry = registry;
    this.port = port;
    this.ready = ready;
  }

  @Override
  public Future<?> start() {
    registry.gauge("suixin_live_connections", shared.liveConnections);
    hub = new LiveHub(vertx, shared.liveConnections);
    SocketTimeouts timeouts = SocketTimeouts.fromSystemProperties();
    ApiContext ctx =
        new ApiContext(
            vertx,
            city,
            accounts,
            idNumbers,
            registry,
            shared.phones,
            shared.links,
            shared.doors,
            timeouts);
    // Read-idle, not all-idle: the server's own pings and events must not keep a dead peer open.
    // No cleartext HTTP/2: no browser speaks it, and while the server sniffs for its preface a new
    // connection is not handed to the connection handler, so its first-request deadline could not
    // start.
    HttpServerOptions options =
        new HttpServerOptions()
            .setPort(port)
            .setCompressionSupported(true)
            .setHttp2ClearTextEnabled(false)
            .setMaxWebSocketFrameSize(SocketTimeouts.MAX_MESSAGE_BYTES)
            .setMaxWebSocketMessageSize(SocketTimeouts.MAX_MESSAGE_BYTES)
            .setReadIdleTimeout((int) timeouts.idle().toMillis())
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            .setWebSocketClosingTimeout((int) Math.max(1, timeouts.request().toSeconds()));
    Ops ops = new Ops(registry, ready);
    Router router = ApiRouter.create(vertx, ctx, hub, ops);
    RequestDeadlines deadlines = new RequestDeadlines(vertx, timeouts);
    Future<HttpServer> api =
        vertx
            .createHttpServer(options)
            .invalidRequestHandler(SecurityHeaders.onInvalidRequest())
            .connectionHandler(deadlines::opened)
            .requestHandler(
                request -> {
                  deadlines.request(request);
                  router.handle(request);
                })
            .listen()
            .onSuccess(s -> server = s);
    Future<HttpServer> metrics =
        MetricsAccess.listen(vertx, shared.doors, ops).onSuccess(s -> metricsServer = s);
    return Future.all(api, metrics);
  }

  /** The port of the separate metrics listener, or -1 without one. */
  public int metricsPort() {
    return metricsServer == null ? -1 : metricsServer.actualPort();
  }

  /** The port actually bound (tests ask for port 0). */
  public int actualPort() {
    return server.actualPort();
  }

  @Override
  public Future<?> stop() {
    hub.closeAll();
    Future<Void> metrics = metricsServer == null ? Future.succeededFuture() : metricsServer.close();
    return Future.all(metrics, server == null ? Future.succeededFuture() : server.close());
  }
}
