package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.HallSnapshots;
import cn.suixin.hall.store.JournalStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one hall: decides commands in arrival order against the in-memory engine,
 * appends the batch's events to the journal in one group commit, and only then replies and
 * publishes. If an append fails, the batch is refused and the hall is rebuilt from the journal; so
 * it is after a command whose deciding failed (see CommandDecider). No failure of one command or
 * one step leaves the owner stopped; its PendingWatch tells when it answers nothing.
 *
 * <p>The parts: {@link HallRecovery} rebuilds the hall, {@link GroupCommit} batches and appends,
 * {@link Batch} replies and publishes, {@link HeldQueries} answers from durable state, {@link
 * HallSnapshotter} snapshots, {@link FencedOff} stops a writer another node replaced; {@link
 * OwnerPhase} says which of them a command or query meets.
 */
public final class HallVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HallVerticle.class);
  private static final long TICK_MILLIS = 30_000;

  /**
   * How often the owner asks its own watchdog, so a stall is logged even when nobody polls /ready.
   */
  private static final long WATCH_MILLIS = 1_000;

  /** Local address told when this writer was fenced off, so ownership can stop it. */
  public static final String FENCED = FencedOff.ADDRESS;

  /**
   * Durable events between two snapshots of a hall unless {@code -Dsuixin.snapshot.every} says
   * otherwise: about an hour of the city hall on a busy day, and well under half a second of replay
   * in a cold JVM. A hall with a huge backlog snapshots less often (see HallSnapshotter).
   */
  public static final int SNAPSHOT_EVERY = Integer.getInteger("suixin.snapshot.every", 2_000);

  private final HallConfig config;
  private final HallJournal journal;
  private final HallSnapshots snapshots;
  private final int snapshotEvery;
  private final Clock clock;
  private final MeterRegistry registry;
  private final PendingWatches watches;
  private final String hall;
  private final IdempotencyCache idempotency = new IdempotencyCache(50_000);
  private final FeedBuffer feed = new FeedBuffer(4096);
  private final HeldQueries queries;
  private OwnerPhase phase = OwnerPhase.RECOVERING;
  private HallSnapshotter snapshotter;
  private HallRecovery recovery;
  private GroupCommit commit;
  private PendingWatch watch;
  private HallMetrics metrics;
  private HallEngine engine;
  private HallReads reads;
  private CommandDecider decider;

  /** The owner of a hall whose journal and snapshots are in {@code store}. */
  public static HallVerticle of(
      HallConfig config,
      JournalStore store,
      Clock clock,
      MeterRegistry registry,
      PendingWatches watches) {
    String id = config.id().value();
    return new HallVerticle(
        config, store.journal(id), store.snapshots(id), SNAPSHOT_EVERY, clock, registry, watches);
  }

  /**
   * An owner with a watchdog of its own, at the default threshold: for a hall alone, as in tests.
   */
  public HallVerticle(
      HallConfig config,
      HallJournal journal,
      HallSnapshots snapshots,
      int snapshotEvery,
      Clock clock,
      MeterRegistry registry) {
    this(
        config,
        journal,
        snapshots,
        snapshotEvery,
        clock,
        registry,
        new PendingWatches(registry, PendingWatches.DEFAULT_STALL));
  }

  /**
   * @param snapshotEvery durable events between two snapshots (0: only when stopping); a restart
   *     replays at most this many events after the last snapshot, a crash included
   */
  public HallVerticle(
      HallConfig config,
      HallJournal journal,
      HallSnapshots snapshots,
      int snapshotEvery,
      Clock clock,
      MeterRegistry registry,
      PendingWatches watches) {
    this.config = config;
    this.journal = journal;
    this.snapshots = snapshots;
    this.snapshotEvery = snapshotEvery;
    this.clock = clock;
    this.registry = registry;
    this.watches = watches;
    this.hall = config.id().value();
    this.queries = new HeldQueries(hall);
  }

  @Override
  public Future<?> start() {
    HallRequestCodec.registerOn(vertx);
    snapshotter = new HallSnapshotter(vertx, config, snapshots, snapshotEvery);
    recovery = new HallRecovery(vertx, config, journal, snapshotter, idempotency, feed, clock);
    watch = watches.watch(hall);
    commit = new GroupCommit(hall, journal, watch);
    return recovery
        .recover()
        .compose(
            recovered -> {
              serve(recovered);
              metrics = new HallMetrics(registry, engine.state());
              metrics.refresh(engine.state());
              return Future.join(
                  vertx.eventBus().consumer(Addresses.commands(hall), this::onCommand).completion(),
                  vertx
                      .eventBus()
                      .<JsonObject>consumer(Addresses.queries(hall), this::onQuery)
                      .completion());
            })
        .onSuccess(
            v -> {
              vertx.setPeriodic(WATCH_MILLIS, id -> watch.stalled());
              vertx.setPeriodic(
                  TICK_MILLIS,
                  id ->
                      enqueue(
                          new PendingCommand(
                              HallRequest.of(new HallCommand.Tick()), null, System.nanoTime())));
              LOG.info("hall {} ready at seq {}", hall, engine.state().seq());
            });
  }

  /**
   * A stopping owner leaves a snapshot at its last durable event, so the next start replays
   * nothing.
   */
  @Override
  public Future<?> stop() {
    if (watch != null) {
      watches.release(watch);
    }
    return phase.holdsTheHall()
        ? snapshotter.saveOnStop(engine, reads.live(), idempotency)
        : Future.succeededFuture();
  }

  private void serve(HallRecovery.Recovered recovered) {
    engine = recovered.engine();
    reads = recovered.reads();
    decider = new CommandDecider(hall, engine, reads, idempotency, clock);
    phase = OwnerPhase.SERVING;
  }

  /** A HallRequest from this JVM, or its JSON form from another node or a test. */
  private void onCommand(Message<Object> message) {
    Object body = message.body();
    if (!(body instanceof HallRequest) && !(body instanceof JsonObject)) {
      message.reply(Replies.badField("body", "must be a JSON object"));
    } else if (!phase.takesCommands()) {
      message.reply(Replies.unavailable("recovering"));
    } else {
      enqueue(new PendingCommand(body, message, System.nanoTime()));
    }
  }

  private void enqueue(PendingCommand p) {
    commit.add(p);
    if (phase.startsBatches()) {
      flush();
    }
  }

  private void onQuery(Message<JsonObject> message) {
    queries.take(message, phase, reads);
  }

  private void flush() {
    phase = OwnerPhase.WRITING;
    Batch batch = commit.decide(decider);
    if (batch.entries().isEmpty()) {
      written(batch);
      return;
    }
    commit
        .append(batch, nanos -> metrics.journal(nanos))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                Faults.guard(
                    hall, "noting the durable seq", () -> snapshotter.durable(batch.lastEntry()));
                written(batch);
              } else if (FencedOff.is(ar.cause())) {
                phase = OwnerPhase.FENCED_OFF;
                watch.answeredUpTo(null);
                FencedOff.stopWriting(hall, batch, commit, vertx.eventBus());
              } else {
                LOG.error(
                    "hall {}: journal append of {} events failed; refusing the batch and rebuilding",
                    hall,
                    batch.entries().size(),
                    ar.cause());
                commit.answeredSoFar();
                batch.refuse(Replies.unavailable("journal append failed"));
                rebuild();
              }
            });
  }

  /** The batch is durable: reply and publish, then take the next. Each step is guarded. */
  private void written(Batch batch) {
    commit.answeredSoFar();
    batch.publish(vertx.eventBus(), feed, reads::snapshot);
    batch.reply(nanos -> metrics.command(nanos));
    Faults.guard(
        hall,
        "updating the hall's meters",
        () -> {
          metrics.issued(batch.issued());
          metrics.refresh(engine.state());
        });
    if (batch.broken()) {
      rebuild();
      return;
    }
    phase = OwnerPhase.SERVING;
    Faults.guard(
        hall, "taking a snapshot", () -> snapshotter.maybeSave(engine, reads.live(), idempotency));
    queries.answerWaiting(phase, reads);
    if (commit.hasPending()) {
      // next batch on a fresh turn of the event loop, so replies go out first
      vertx
          .getOrCreateContext()
          .runOnContext(
              v -> {
                if (phase.startsBatches() && commit.hasPending()) {
                  flush();
                }
              });
    }
  }

  /** Rebuilds the hall from its journal, retrying while the store is unreachable, then goes on. */
  private void rebuild() {
    phase = OwnerPhase.RECOVERING;
    recovery
        .untilDone()
        .onComplete(
            ar -> {
              serve(ar.result());
              queries.answerWaiting(phase, reads);
              if (commit.hasPending()) {
                flush();
              }
            });
  }
}
