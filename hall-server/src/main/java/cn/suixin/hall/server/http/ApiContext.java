package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.TicketSecrets;
import cn.suixin.hall.server.hall.HallGateway;
import cn.suixin.hall.server.identity.IdNumbers;
import cn.suixin.hall.server.view.FollowLinks;
import cn.suixin.hall.server.web.Callers;
import cn.suixin.hall.server.web.Problem;
import cn.suixin.hall.server.web.SocketContext;
import cn.suixin.hall.server.web.SocketTimeouts;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the HTTP handlers share: the halls, the gateway to their owners, accounts, hashing, metrics.
 */
public final class ApiContext {
  final Vertx vertx;
  final Map<String, HallConfig> halls = new LinkedHashMap<>();
  final CityConfig city;
  final HallGateway gateway;
  final Accounts accounts;
  final IdNumbers idNumbers;
  final PrometheusMeterRegistry registry;
  final RateLimiter phoneLimiter;
  final FollowLinks links;
  final Doors doors;
  final ClientAddress clients;
  final SocketTimeouts sockets;
  private final SocketContext socketContext;

  public ApiContext(
      Vertx vertx,
      CityConfig city,
      Accounts accounts,
      IdNumbers idNumbers,
      PrometheusMeterRegistry registry,
      double phoneTicketsPerMinute) {
    this(
        vertx,
        city,
        accounts,
        idNumbers,
        registry,
        new RateLimiter(phoneTicketsPerMinute, Math.max(2, phoneTicketsPerMinute / 2)),
        new FollowLinks(null, TicketSecrets.random()),
        Doors.CLOSED,
        SocketTimeouts.fromSystemProperties());
  }

  /** With a limiter shared by every HTTP verticle instance of the node. */
  ApiContext(
      Vertx vertx,
      CityConfig city,
      Accounts accounts,
      IdNumbers idNumbers,
      PrometheusMeterRegistry registry,
      RateLimiter phoneLimiter,
      FollowLinks links,
      Doors doors,
      SocketTimeouts sockets) {
    this.vertx = vertx;
    this.city = city;
    city.halls().forEach(h -> halls.put(h.id().value(), h));
    this.gateway = new HallGateway(vertx);
    this.accounts = accounts;
    this.idNumbers = idNumbers;
    this.registry = registry;
    this.phoneLimiter = phoneLimiter;
    this.links = links;
    this.doors = doors;
    this.clients = new ClientAddress(doors.trustedProxies());
    this.sockets = sockets;
    this.socketContext = new SocketContext(city, accounts, gateway, links, sockets);
  }

  /** What the socket endpoints mounted beside the API (the agents' link) need of this node. */
  public SocketContext socketContext() {
    return socketContext;
  }

  public HallGateway gateway() {
    return gateway;
  }

  /** How long live and agent sockets may stay silent or half-sent. */
  public SocketTimeouts sockets() {
    return sockets;
  }

  public FollowLinks links() {
    return links;
  }

  public Accounts accounts() {
    return accounts;
  }

  public CityConfig city() {
    return city;
  }

  /** The authenticated caller of a request, or null (for handlers outside this package). */
  public static Principal caller(RoutingContext rc) {
    return Callers.of(rc);
  }

  /** The hall, or a 404 Problem. */
  public HallConfig hall(String id) {
    HallConfig h = halls.get(id);
    if (h == null) {
      throw Problem.notFound("UNKNOWN_HALL", "没有该大厅", "No such hall").with("hall", id);
    }
    return h;
  }
}
