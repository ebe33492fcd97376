package cn.suixin.hall.server.app;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.TicketSecrets;
import cn.suixin.hall.server.cluster.HallOwnership;
import cn.suixin.hall.server.cluster.HazelcastSetup;
import cn.suixin.hall.server.hall.HallVerticle;
import cn.suixin.hall.server.hall.PendingWatches;
import cn.suixin.hall.server.hall.RefusedHall;
import cn.suixin.hall.server.http.HttpVerticle;
import cn.suixin.hall.server.identity.IdNumbers;
import cn.suixin.hall.server.ops.Readiness;
import cn.suixin.hall.server.view.FollowLinks;
import cn.suixin.hall.store.JournalStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One node serving every hall of the configuration: hall owners, then the HTTP face. */
public final class HallServer {
  private static final Logger LOG = LoggerFactory.getLogger(HallServer.class);
  private final Vertx vertx;
  private final JournalStore store;
  private final HttpVerticle http;
  private final List<String> deployments;
  private final Map<String, String> refused;

  private HallServer(
      Vertx vertx,
      JournalStore store,
      HttpVerticle http,
      List<String> deployments,
      Map<String, String> refused) {
    this.vertx = vertx;
    this.store = store;
    this.http = http;
    this.deployments = deployments;
    this.refused = refused;
  }

  public static Future<HallServer> start(ServerOptions options, Clock clock) {
    return start(options, clock, UnaryOperator.identity());
  }

  /**
   * With {@code around} put around the store the options name: for tests with a store that fails.
   */
  public static Future<HallServer> start(
      ServerOptions options, Clock clock, UnaryOperator<JournalStore> around) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    PendingWatches watches = PendingWatches.fromSystemProperties(registry);
    // A single node's Vert.x starts on another thread while the configuration is read: neither
    // needs the other, and a restart serves that much sooner. A bad configuration still fails here.
    CompletableFuture<Vertx> single =
        options.cluster() == null
            ? CompletableFuture.supplyAsync(
                () -> NodeMetrics.builder(registry, new VertxOptions()).build())
            : null;
    CityConfig city;
    try {
      CityConfig loaded = new ConfigLoader().load(options.config());
      city =
          options.demo()
              ? new CityConfig(
                  loaded.name(),
                  loaded.nameEn(),
                  loaded.halls().stream().map(HallConfig::alwaysOpen).toList())
              : loaded;
    } catch (RuntimeException e) {
      if (single != null) {
        single.thenAccept(Vertx::close);
      }
      throw e;
    }
    if (single != null) {
      return boot(single.join(), null, city, options, clock, registry, watches, around);
    }
    HazelcastClusterManager manager =
        new HazelcastClusterManager(HazelcastSetup.config(options.cluster()));
    // the event bus between nodes listens and advertises on the cluster address, as Hazelcast does
    EventBusOptions bus =
        new EventBusOptions()
            .setHost(options.cluster().host())
            .setPort(options.cluster().busPort())
            .setClusterPublicHost(options.cluster().host());
    return NodeMetrics.builder(registry, new VertxOptions().setEventBusOptions(bus))
        .withClusterManager(manager)
        .buildClustered()
        .compose(vertx -> boot(vertx, manager, city, options, clock, registry, watches, around));
  }

  private static Future<HallServer> boot(
      Vertx vertx,
      ClusterManager cluster,
      CityConfig city,
      ServerOptions options,
      Clock clock,
      PrometheusMeterRegistry registry,
      PendingWatches watches,
      UnaryOperator<JournalStore> around) {
    AtomicBoolean ready = new AtomicBoolean();
    List<String> deployments = new ArrayList<>();
    // halls that refused to start, with why; filled while they deploy, for readiness to report
    Map<String, String> refused = new ConcurrentHashMap<>();
    return Stores.open(vertx, options)
        .map(around)
        .compose(
            store ->
                TicketSecrets.load(store.records())
                    .compose(
                        secrets -> {
                          Accounts accounts =
                              new Accounts(
                                  vertx, store.records(), clock, options.login(), registry);
                          IdNumbers idNumbers = new IdNumbers(Secrets.idSalt(options.data()));
                          HttpVerticle.Shared shared =
                              new HttpVerticle.Shared(
                                  new FollowLinks(options.publicUrl(), secrets), options.doors());
                          Readiness readiness =
                              new Readiness(
                                  vertx,
                                  city.halls().stream().map(h -> h.id().value()).toList(),
                                  store,
                                  watches,
                                  ready::get,
                                  () -> refused);
                          HttpVerticle http =
                              new HttpVerticle(
                                  city,
                                  accounts,
                                  idNumbers,
                                  registry,
                                  options.port(),
                                  readiness::check,
                                  shared);
                          // The HTTP face starts while the halls replay; until they are all up,
                          // /ready says 503 and a
                          // command to a hall not yet deployed gets a 503 with Retry-After.
                          Future<List<String>> halls =
                              deployHalls(
                                  vertx, cluster, city, store, clock, registry, watches, refused);
                          Future<String> face = vertx.deployVerticle(http);
                          return Future.all(halls, face)
                              .map(
                                  all -> {
                                    deployments.addAll(halls.result());
                                    deployments.add(face.result());
                                    ready.set(true);
                                    LOG.info(
                                        "serving {} halls on port {} ({} store{})",
                                        city.halls().size(),
                                        http.actualPort(),
                                        options.store(),
                                        cluster == null
                                            ? ", single node"
                                            : ", cluster node " + cluster.getNodeId());
                                    return new HallServer(vertx, store, http, deployments, refused);
                                  });
                        }))
        .onFailure(t -> vertx.close());
  }

  /**
   * Alone, a node writes every hall; in a cluster, ownership decides which halls are written here.
   */
  private static Future<List<String>> deployHalls(
      Vertx vertx,
      ClusterManager cluster,
      CityConfig city,
      JournalStore store,
      Clock clock,
      PrometheusMeterRegistry registry,
      PendingWatches watches,
      Map<String, String> refused) {
    if (cluster != null) {
      return vertx
          .deployVerticle(new HallOwnership(city.halls(), store, cluster, clock, registry, watches))
          .map(List::of);
    }
    List<Future<String>> halls = new ArrayList<>();
    String node = "single-" + java.util.UUID.randomUUID();
    for (HallConfig hall : city.halls()) {
      String id = hall.id().value();
      // 1 while the hall is closed by a damaged journal: the alert an operator must act on
      Gauge.builder("suixin_hall_refused", refused, r -> r.containsKey(id) ? 1 : 0)
          .tag("hall", id)
          .description(
              "1 while the hall refused to start (damaged journal); see docs/operations.md")
          .register(registry);
      // with Redis, a fresh fencing token shuts out any writer left from an earlier run
      // one hall that cannot start (a damaged journal) stays closed with a 503 and the rest serve
      halls.add(
          store
              .takeOwnership(id, node)
              .compose(
                  token ->
                      vertx.deployVerticle(HallVerticle.of(hall, store, clock, registry, watches)))
              .recover(
                  t -> {
                    RefusedHall standIn = RefusedHall.after(id, t);
                    refused.put(id, standIn.reason());
                    return refused.size() == city.halls().size()
                        ? Future.failedFuture(t)
                        : vertx.deployVerticle(standIn);
                  }));
    }
    return Future.all(halls).map(all -> halls.stream().map(Future::result).toList());
  }

  public Vertx vertx() {
    return vertx;
  }

  public JournalStore store() {
    return store;
  }

  public int port() {
    return http.actualPort();
  }

  /** The separate metrics listener's port, or -1 when {@code /metrics} is on the main port. */
  public int metricsPort() {
    return http.metricsPort();
  }

  /**
   * The halls of this node that refused to start (hall id to why); they answer every command 503.
   */
  public Map<String, String> refusedHalls() {
    return java.util.Collections.unmodifiableMap(refused);
  }

  /** Screens are told to reconnect (1012), hall owners stop, the journal is closed, then Vert.x. */
  public Future<Void> stop() {
    List<String> reversed = new ArrayList<>(deployments);
    java.util.Collections.reverse(reversed);
    Future<Void> chain = Future.succeededFuture();
    for (String id : reversed) {
      chain = chain.compose(v -> vertx.undeploy(id).recover(t -> Future.succeededFuture()));
    }
    return chain.compose(v -> store.close()).eventually(() -> vertx.close());
  }
}
