package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.store.FencedOffException;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.HallSnapshots;
import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.JournalEntry;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one hall: decides commands in arrival order against the in-memory engine,
 * appends the batch's events to the journal in one group commit, and only then replies and
 * publishes. If an append fails, the batch is refused and the hall is rebuilt from the journal;
 * so it is after a command whose deciding failed (see CommandDecider). No failure of one command
 * or one step leaves the owner stopped; its PendingWatch tells when it answers nothing.
 */
public final class HallVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HallVerticle.class);
  private static final int MAX_BATCH = 2048;
  private static final int REPLAY_PAGE = 5000;
  private static final long TICK_MILLIS = 30_000;
  /** How often the owner asks its own watchdog, so a stall is logged even when nobody polls /ready. */
  private static final long WATCH_MILLIS = 1_000;
  /** Local address told when this writer was fenced off, so ownership can stop it. */
  public static final String FENCED = "suixin.hall.fenced";

  private final HallConfig config;
  private final HallJournal journal;
  private final HallSnapshots snapshots;
  private final int snapshotEvery;
  private HallSnapshotter snapshotter;
  private final Clock clock;
  private final MeterRegistry registry;
  private final PendingWatches watches;
  private final String hall;
  private final ArrayDeque<PendingCommand> pending = new ArrayDeque<>();
  private final ArrayDeque<Message<JsonObject>> waitingQueries = new ArrayDeque<>();
  private final IdempotencyCache idempotency = new IdempotencyCache(50_000);
  private final FeedBuffer feed = new FeedBuffer(4096);
  private HallEngine engine;
  private HallReads reads;
  private CommandDecider decider;
  private HallMetrics metrics;
  private PendingWatch watch;
  private boolean flushing;
  private boolean recovering;

  /**
   * Durable events between two snapshots of a hall unless {@code -Dsuixin.snapshot.every} says
   * otherwise: about an hour of the city hall on a busy day, and well under half a second of
   * replay in a cold JVM. A hall with a huge backlog snapshots less often (see HallSnapshotter).
   */
  public static final int SNAPSHOT_EVERY = Integer.getInteger("suixin.snapshot.every", 2_000);

  /** The owner of a hall whose journal and snapshots are in {@code store}. */
  public static HallVerticle of(HallConfig config, JournalStore store, Clock clock, MeterRegistry registry,
      PendingWatches watches) {
    String id = config.id().value();
    return new HallVerticle(config, store.journal(id), store.snapshots(id), SNAPSHOT_EVERY, clock, registry, watches);
  }

  /** An owner with a watchdog of its own, at the default threshold: for a hall alone, as in tests. */
  public HallVerticle(HallConfig config, HallJournal journal, HallSnapshots snapshots, int snapshotEvery, Clock clock,
      MeterRegistry registry) {
    this(config, journal, snapshots, snapshotEvery, clock, registry, new PendingWatches(registry,
        PendingWatches.DEFAULT_STALL));
  }

  /**
   * @param snapshotEvery durable events between two snapshots (0: only when stopping); a restart
   *     replays at most this many events after the last snapshot, a crash included
   */
  public HallVerticle(HallConfig config, HallJournal journal, HallSnapshots snapshots, int snapshotEvery, Clock clock,
      MeterRegistry registry, PendingWatches watches) {
    this.config = config;
    this.journal = journal;
    this.snapshots = snapshots;
    this.snapshotEvery = snapshotEvery;
    this.clock = clock;
    this.registry = registry;
    this.watches = watches;
    this.hall = config.id().value();
  }

  @Override
  public Future<?> start() {
    HallRequestCodec.registerOn(vertx);
    snapshotter = new HallSnapshotter(vertx, config, snapshots, snapshotEvery);
    watch = watches.watch(hall);
    return recover()
        .compose(v -> {
          metrics = new HallMetrics(registry, engine.state());
          metrics.refresh(engine.state());
          return Future.join(
              vertx.eventBus().consumer(Addresses.commands(hall), this::onCommand).completion(),
              vertx.eventBus().<JsonObject>consumer(Addresses.queries(hall), this::onQuery).completion());
        })
        .onSuccess(v -> {
          vertx.setPeriodic(WATCH_MILLIS, id -> watch.stalled());
          vertx.setPeriodic(TICK_MILLIS, id -> enqueue(new PendingCommand(HallRequest.of(new HallCommand.Tick()), null,
              System.nanoTime())));
          LOG.info("hall {} ready at seq {}", hall, engine.state().seq());
        });
  }

  /**
   * When a snapshot fits the journal, starts from it and replays only what came after; the first
   * page after the snapshot is read and decoded while the snapshot itself is.
   */
  private Future<Void> recover() {
    recovering = true;
    idempotency.clear();
    feed.clear();
    long started = System.nanoTime();
    ReplayPages pages = new ReplayPages(vertx, journal, REPLAY_PAGE);
    return snapshotter.latest().compose(saved -> {
      Future<ReplayPages.Page> tail = pages.read(saved == null ? 1 : saved.seq() + 1);
      Future<SnapshotImage.Restored> image = saved == null ? Future.succeededFuture()
          : snapshotter.restore(saved, journal);
      return image.compose(restored -> {
        long restoredAt = System.nanoTime();
        if (restored == null) {
          useEngine(new HallEngine(config));
        } else {
          useEngine(restored.engine());
          reads.live().restoreRecentCalls(restored.recentCalls());
          restored.idempotency().forEach(e -> idempotency.putEncoded(e.getKey(), e.getValue()));
        }
        long from = engine.state().seq();
        // a snapshot set aside leaves the tail read for nothing: replay from the start instead
        Future<ReplayPages.Page> first = saved != null && restored == null ? pages.read(1) : tail;
        return pages.applyAll(first, this::replay, snapshotter::durable).onSuccess(v -> {
          recovering = false;
          LOG.info("hall {}{} replayed {} events in {} ms", hall,
              restored == null ? "" : " restored from the snapshot at seq " + from + " in "
                  + (restoredAt - started) / 1_000_000 + " ms,",
              engine.state().seq() - from, (System.nanoTime() - restoredAt) / 1_000_000);
          snapshotter.maybeSave(engine, reads.live(), idempotency);
        });
      });
    });
  }

  private void replay(ReplayPages.Decoded d) {
    engine.apply(d.event());
    reads.live().track(d.event(), engine.state());
    if (d.idempotencyKey() != null) {
      idempotency.put(d.idempotencyKey(), d.reply());
    }
  }

  private void useEngine(HallEngine restoredOrNew) {
    engine = restoredOrNew;
    reads = new HallReads(engine.state(), clock, feed);
    decider = new CommandDecider(hall, engine, reads, idempotency, clock);
  }

  /** A stopping owner leaves a snapshot at its last durable event, so the next start replays nothing. */
  @Override
  public Future<?> stop() {
    if (watch != null) {
      watches.release(watch);
    }
    if (recovering || engine == null) {
      return Future.succeededFuture();
    }
    return snapshotter.saveOnStop(engine, reads.live(), idempotency);
  }

  /** After a failed append: rebuild from the journal, retrying while the store is unreachable (503s meanwhile). */
  private Future<Void> recoverUntilDone() {
    return recover().recover(t -> {
      LOG.warn("hall {}: cannot replay the journal yet ({}); retrying", hall, t.toString());
      io.vertx.core.Promise<Void> again = io.vertx.core.Promise.promise();
      vertx.setTimer(1000, id -> recoverUntilDone().onComplete(again));
      return again.future();
    });
  }

  /** A HallRequest from this JVM, or its JSON form from another node or a test. */
  private void onCommand(Message<Object> message) {
    Object body = message.body();
    if (!(body instanceof HallRequest) && !(body instanceof JsonObject)) {
      message.reply(Replies.badField("body", "must be a JSON object"));
    } else if (recovering) {
      message.reply(Replies.unavailable("recovering"));
    } else {
      enqueue(new PendingCommand(body, message, System.nanoTime()));
    }
  }

  private void enqueue(PendingCommand p) {
    pending.add(p);
    watch.arrived(p.arrivedNanos());
    if (!flushing) {
      flush();
    }
  }

  private void onQuery(Message<JsonObject> message) {
    // Answer from durable state only: while a batch is being written, its events are applied in
    // memory but not yet acknowledged, so the query waits for the append. A readiness probe asks
    // only whether the owner answers, and must not wait behind a stalled append.
    if ((flushing || recovering) && !HallReads.isProbe(message.body())) {
      waitingQueries.add(message);
    } else {
      answer(message);
    }
  }

  private void flush() {
    flushing = true;
    Batch batch = new Batch(hall);
    while (!pending.isEmpty() && batch.commands() < MAX_BATCH && !batch.broken()) {
      decider.decide(pending.poll(), batch);
    }
    if (batch.entries().isEmpty()) {
      finishBatch(batch);
      return;
    }
    long appendStart = System.nanoTime();
    List<JournalEntry> entries = batch.entries();
    Future<Void> append;
    try {
      append = journal.append(entries);
    } catch (RuntimeException e) {
      append = Future.failedFuture(e);
    }
    append.onComplete(ar -> {
      Faults.guard(hall, "recording the append", () -> metrics.journal(System.nanoTime() - appendStart));
      if (ar.succeeded()) {
        Faults.guard(hall, "noting the durable seq", () -> snapshotter.durable(entries.get(entries.size() - 1)));
        finishBatch(batch);
      } else if (ar.cause() instanceof FencedOffException) {
        LOG.warn("hall {}: another node owns this hall now; stopping this writer", hall);
        recovering = true;
        watch.answeredUpTo(null);
        batch.refuse(Replies.unavailable("hall moved to another node"));
        pending.forEach(p -> p.answer(Replies.unavailable("hall moved to another node")));
        pending.clear();
        vertx.eventBus().send(FENCED, hall);
      } else {
        LOG.error("hall {}: journal append of {} events failed; refusing the batch and rebuilding", hall,
            entries.size(), ar.cause());
        watch.answeredUpTo(pending.peek());
        batch.refuse(Replies.unavailable("journal append failed"));
        rebuild();
      }
    });
  }

  /** Rebuilds the hall from its journal, retrying while the store is unreachable, then goes on. */
  private void rebuild() {
    recoverUntilDone().onComplete(v -> {
      flushing = false;
      answerWaitingQueries();
      if (!pending.isEmpty()) {
        flush();
      }
    });
  }

  /** Each step is guarded: whatever fails, the hall takes its next batch. */
  private void finishBatch(Batch batch) {
    watch.answeredUpTo(pending.peek());
    batch.publish(vertx.eventBus(), feed, reads::snapshot);
    batch.reply(nanos -> metrics.command(nanos));
    Faults.guard(hall, "updating the hall's meters", () -> {
      metrics.issued(batch.issued());
      metrics.refresh(engine.state());
    });
    if (batch.broken()) {
      rebuild();
      return;
    }
    flushing = false;
    Faults.guard(hall, "taking a snapshot", () -> snapshotter.maybeSave(engine, reads.live(), idempotency));
    answerWaitingQueries();
    if (!pending.isEmpty()) {
      // next batch on a fresh turn of the event loop, so replies go out first
      vertx.getOrCreateContext().runOnContext(v -> {
        if (!flushing && !pending.isEmpty()) {
          flush();
        }
      });
    }
  }

  private void answerWaitingQueries() {
    while (!waitingQueries.isEmpty()) {
      answer(waitingQueries.poll());
    }
  }

  private void answer(Message<JsonObject> q) {
    try {
      q.reply(recovering ? Replies.unavailable("recovering") : reads.answer(q.body()));
    } catch (RuntimeException e) {
      LOG.error("hall {}: a query failed ({})", hall, Faults.describe(e));
      q.reply(Replies.fault());
    }
  }
}
