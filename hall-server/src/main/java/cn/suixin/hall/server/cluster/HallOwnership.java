package cn.suixin.hall.server.cluster;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.hall.HallVerticle;
import cn.suixin.hall.server.hall.PendingWatches;
import cn.suixin.hall.store.JournalStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.spi.cluster.ClusterManager;
import io.vertx.core.spi.cluster.NodeListener;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the halls this node owns. On every membership change each node recomputes the placement; a
 * node that gains a hall takes a higher fencing token and replays the hall's stream before it takes
 * commands, a node that loses one stops its writer. While a hall moves, its commands find no
 * handler and callers get 503 with Retry-After.
 */
public final class HallOwnership extends VerticleBase implements NodeListener {
  private static final Logger LOG = LoggerFactory.getLogger(HallOwnership.class);
  private final List<HallConfig> halls;
  private final JournalStore store;
  private final ClusterManager cluster;
  private final Clock clock;
  private final MeterRegistry registry;
  private final PendingWatches watches;
  private final Map<String, Future<String>> running = new HashMap<>();

  public HallOwnership(
      List<HallConfig> halls,
      JournalStore store,
      ClusterManager cluster,
      Clock clock,
      MeterRegistry registry,
      PendingWatches watches) {
    this.halls = halls;
    this.store = store;
    this.cluster = cluster;
    this.clock = clock;
    this.registry = registry;
    this.watches = watches;
  }

  @Override
  public Future<?> start() {
    cluster.nodeListener(this);
    vertx.eventBus().<String>localConsumer(HallVerticle.FENCED, m -> stopFenced(m.body()));
    rebalance();
    return Future.succeededFuture();
  }

  @Override
  public void nodeAdded(String nodeId) {
    context.runOnContext(v -> rebalance());
  }

  @Override
  public void nodeLeft(String nodeId) {
    LOG.info("node {} left the cluster", nodeId);
    context.runOnContext(v -> rebalance());
  }

  private void rebalance() {
    String me = cluster.getNodeId();
    List<String> nodes = cluster.getNodes();
    for (HallConfig hall : halls) {
      String id = hall.id().value();
      boolean mine = me.equals(HallPlacement.owner(id, nodes));
      if (mine && !running.containsKey(id)) {
        running.put(id, take(hall, me));
      } else if (!mine && running.containsKey(id)) {
        Future<String> deployment = running.remove(id);
        deployment.onSuccess(
            depId -> vertx.undeploy(depId).onComplete(ar -> LOG.info("hall {} handed over", id)));
      }
    }
  }

  /** Our writer was fenced off (we were paused or cut off): stop it, and look again shortly. */
  private void stopFenced(String hall) {
    Future<String> deployment = running.remove(hall);
    if (deployment != null) {
      deployment.onSuccess(vertx::undeploy);
    }
    vertx.setTimer(2000, t -> rebalance());
  }

  private Future<String> take(HallConfig hall, String me) {
    String id = hall.id().value();
    long started = System.nanoTime();
    return store
        .takeOwnership(id, me)
        .compose(
            token ->
                vertx
                    .deployVerticle(HallVerticle.of(hall, store, clock, registry, watches))
                    .onSuccess(
                        dep ->
                            LOG.info(
                                "hall {} now served here with fencing token {} after {} ms",
                                id,
                                token,
                                (System.nanoTime() - started) / 1_000_000)))
        .onFailure(
            t -> {
              LOG.error("could not take hall {}; will try again", id, t);
              running.remove(id);
              vertx.setTimer(1000, x -> rebalance());
            });
  }

  /** Halls whose writer runs on this node (for readiness and tests). */
  public boolean serving(String hall) {
    Future<String> f = running.get(hall);
    return f != null && f.succeeded();
  }
}
