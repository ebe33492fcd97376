package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.store.HallJournal;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds a hall in memory from its latest snapshot and its journal, at start and after a failed
 * append: the engine, what the live feed and the idempotency cache held. When a snapshot fits the
 * journal it starts from it and replays only what came after; the first page after the snapshot is
 * read and decoded while the snapshot itself is.
 */
final class HallRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(HallRecovery.class);
  private static final int REPLAY_PAGE = 5000;
  private static final long RETRY_MILLIS = 1000;
  private final Vertx vertx;
  private final HallConfig config;
  private final String hall;
  private final HallJournal journal;
  private final HallSnapshotter snapshotter;
  private final IdempotencyCache idempotency;
  private final FeedBuffer feed;
  private final Clock clock;

  /** The hall as rebuilt: its engine and the reads over it. */
  record Recovered(HallEngine engine, HallReads reads) {}

  HallRecovery(
      Vertx vertx,
      HallConfig config,
      HallJournal journal,
      HallSnapshotter snapshotter,
      IdempotencyCache idempotency,
      FeedBuffer feed,
      Clock clock) {
    this.vertx = vertx;
    this.config = config;
    this.hall = config.id().value();
    this.journal = journal;
    this.snapshotter = snapshotter;
    this.idempotency = idempotency;
    this.feed = feed;
    this.clock = clock;
  }

  /** Rebuilds once; fails if the store cannot be read. */
  Future<Recovered> recover() {
    idempotency.clear();
    feed.clear();
    long started = System.nanoTime();
    ReplayPages pages = new ReplayPages(vertx, journal, REPLAY_PAGE);
    return snapshotter
        .latest()
        .compose(
            saved -> {
              Future<ReplayPages.Page> tail = pages.read(saved == null ? 1 : saved.seq() + 1);
              Future<SnapshotImage.Restored> image =
                  saved == null ? Future.succeededFuture() : snapshotter.restore(saved, journal);
              return image.compose(
                  restored -> {
                    long restoredAt = System.nanoTime();
                    Recovered r = start(restored);
                    long from = r.engine().state().seq();
                    // a snapshot set aside leaves the tail read for nothing: replay from the start
                    // instead
                    Future<ReplayPages.Page> first =
                        saved != null && restored == null ? pages.read(1) : tail;
                    return pages
                        .applyAll(first, d -> replay(r, d), snapshotter::durable)
                        .map(
                            v -> {
                              LOG.info(
                                  "hall {}{} replayed {} events in {} ms",
                                  hall,
                                  restored == null
                                      ? ""
                                      : " restored from the snapshot at seq "
                                          + from
                                          + " in "
                                          + (restoredAt - started) / 1_000_000
                                          + " ms,",
                                  r.engine().state().seq() - from,
                                  (System.nanoTime() - restoredAt) / 1_000_000);
                              snapshotter.maybeSave(r.engine(), r.reads().live(), idempotency);
                              return r;
                            });
                  });
            });
  }

  /** Rebuilds, retrying while the store is unreachable (the owner answers 503s meanwhile). */
  Future<Recovered> untilDone() {
    return recover()
        .recover(
            t -> {
              LOG.warn("hall {}: cannot replay the journal yet ({}); retrying", hall, t.toString());
              Promise<Recovered> again = Promise.promise();
              vertx.setTimer(RETRY_MILLIS, id -> untilDone().onComplete(again));
              return again.future();
            });
  }

  private Recovered start(SnapshotImage.Restored restored) {
    HallEngine engine = restored == null ? new HallEngine(config) : restored.engine();
    HallReads reads = new HallReads(engine.state(), clock, feed);
    if (restored != null) {
      reads.live().restoreRecentCalls(restored.recentCalls());
      restored.idempotency().forEach(e -> idempotency.putEncoded(e.getKey(), e.getValue()));
    }
    return new Recovered(engine, reads);
  }

  private void replay(Recovered r, ReplayPages.Decoded d) {
    r.engine().apply(d.event());
    r.reads().live().track(d.event(), r.engine().state());
    if (d.idempotencyKey() != null) {
      idempotency.put(d.idempotencyKey(), d.reply());
    }
  }
}
