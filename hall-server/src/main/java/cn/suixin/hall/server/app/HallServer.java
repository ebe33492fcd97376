package cn.suixin.hall.server.app;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.hall.HallVerticle;
import cn.suixin.hall.server.http.HttpVerticle;
import cn.suixin.hall.server.http.IdNumbers;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.redis.RedisJournalStore;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One node serving every hall of the configuration: hall owners, then the HTTP face. */
public final class HallServer {
  private static final Logger LOG = LoggerFactory.getLogger(HallServer.class);
  private final Vertx vertx;
  private final JournalStore store;
  private final HttpVerticle http;
  private final List<String> deployments;

  private HallServer(Vertx vertx, JournalStore store, HttpVerticle http, List<String> deployments) {
    this.vertx = vertx;
    this.store = store;
    this.http = http;
    this.deployments = deployments;
  }

  public static Future<HallServer> start(ServerOptions options, Clock clock) {
    CityConfig loaded = new ConfigLoader().load(options.config());
    CityConfig city = options.demo()
        ? new CityConfig(loaded.name(), loaded.nameEn(), loaded.halls().stream().map(HallConfig::alwaysOpen).toList())
        : loaded;
    Vertx vertx = Vertx.vertx();
    JournalStore store = options.redis() == null ? new EmbeddedJournalStore(vertx, options.data())
        : RedisJournalStore.create(vertx, options.redis());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Accounts accounts = new Accounts(vertx, store.records(), clock);
    IdNumbers idNumbers = new IdNumbers(Secrets.idSalt(options.data()));
    AtomicBoolean ready = new AtomicBoolean();
    List<String> deployments = new ArrayList<>();
    HttpVerticle http = new HttpVerticle(city, accounts, idNumbers, registry, options.port(), ready::get);
    return acquireHalls(store, city)
        .compose(owned -> {
          List<Future<String>> halls = new ArrayList<>();
          for (HallConfig hall : city.halls()) {
            halls.add(vertx.deployVerticle(new HallVerticle(hall, store.journal(hall.id().value()), clock, registry))
                .onSuccess(deployments::add));
          }
          return Future.all(halls);
        })
        .compose(v -> vertx.deployVerticle(http))
        .map(id -> {
          deployments.add(id);
          ready.set(true);
          LOG.info("serving {} halls on port {} with data in {}", city.halls().size(), http.actualPort(),
              options.data().toAbsolutePath());
          return new HallServer(vertx, store, http, deployments);
        })
        .onFailure(t -> vertx.close());
  }

  /** With Redis this node takes every hall with a fresh fencing token before its owner starts. */
  private static Future<?> acquireHalls(JournalStore store, CityConfig city) {
    if (!(store instanceof RedisJournalStore redis)) {
      return Future.succeededFuture();
    }
    String node = ManagementFactory.getRuntimeMXBean().getName();
    return Future.all(city.halls().stream().map(h -> redis.acquire(h.id().value(), node)).toList());
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
