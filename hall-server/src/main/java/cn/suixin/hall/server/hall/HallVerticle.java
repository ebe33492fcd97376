package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.engine.WindowState;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.codec.CommandCodec;
import cn.suixin.hall.server.codec.EventCodec;
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
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of one hall: decides commands in arrival order against the in-memory engine,
 * appends the batch's events to the journal in one group commit, and only then replies and
 * publishes. If an append fails, the batch is refused and the hall is rebuilt from the journal.
 */
public final class HallVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(HallVerticle.class);
  private static final int MAX_BATCH = 2048;
  private static final int REPLAY_PAGE = 5000;
  private static final long TICK_MILLIS = 30_000;
  /** Local address told when this writer was fenced off, so ownership can stop it. */
  public static final String FENCED = "suixin.hall.fenced";

  private final HallConfig config;
  private final HallJournal journal;
  private final HallSnapshots snapshots;
  private final int snapshotEvery;
  private HallSnapshotter snapshotter;
  private final Clock clock;
  private final MeterRegistry registry;
  private final String hall;
  private final ArrayDeque<Pending> pending = new ArrayDeque<>();
  private final ArrayDeque<Message<JsonObject>> waitingQueries = new ArrayDeque<>();
  private final IdempotencyCache idempotency = new IdempotencyCache(50_000);
  private final FeedBuffer feed = new FeedBuffer(4096);
  private HallEngine engine;
  private HallReads reads;
  private HallMetrics metrics;
  private boolean flushing;
  private boolean recovering;

  /** A command waiting for the next batch; {@code message} is null for the hall's own ticks. */
  private record Pending(JsonObject body, Message<JsonObject> message, long arrivedNanos) {
  }

  /**
   * Durable events between two snapshots of a hall unless {@code -Dsuixin.snapshot.every} says
   * otherwise: about an hour of the city hall on a busy day, and well under half a second of
   * replay in a cold JVM. A hall with a huge backlog snapshots less often (see HallSnapshotter).
   */
  public static final int SNAPSHOT_EVERY = Integer.getInteger("suixin.snapshot.every", 2_000);

  /** The owner of a hall whose journal and snapshots are in {@code store}. */
  public static HallVerticle of(HallConfig config, JournalStore store, Clock clock, MeterRegistry registry) {
    String id = config.id().value();
    return new HallVerticle(config, store.journal(id), store.snapshots(id), SNAPSHOT_EVERY, clock, registry);
  }

  /**
   * @param snapshotEvery durable events between two snapshots (0: only when stopping); a restart
   *     replays at most this many events after the last snapshot, a crash included
   */
  public HallVerticle(HallConfig config, HallJournal journal, HallSnapshots snapshots, int snapshotEvery, Clock clock,
      MeterRegistry registry) {
    this.config = config;
    this.journal = journal;
    this.snapshots = snapshots;
    this.snapshotEvery = snapshotEvery;
    this.clock = clock;
    this.registry = registry;
    this.hall = config.id().value();
  }

  @Override
  public Future<?> start() {
    snapshotter = new HallSnapshotter(vertx, config, snapshots, snapshotEvery);
    return recover()
        .compose(v -> Future.join(
            vertx.eventBus().<JsonObject>consumer(Addresses.commands(hall), this::onCommand).completion(),
            vertx.eventBus().<JsonObject>consumer(Addresses.queries(hall), this::onQuery).completion()))
        .onSuccess(v -> {
          metrics = new HallMetrics(registry, engine.state());
          metrics.refresh(engine.state());
          vertx.setPeriodic(TICK_MILLIS, id -> enqueue(new Pending(new JsonObject().put("type", "tick"), null,
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
  }

  /** A stopping owner leaves a snapshot at its last durable event, so the next start replays nothing. */
  @Override
  public Future<?> stop() {
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

  private void onCommand(Message<JsonObject> message) {
    if (recovering) {
      message.reply(Replies.unavailable("recovering"));
      return;
    }
    enqueue(new Pending(message.body(), message, System.nanoTime()));
  }

  private void enqueue(Pending p) {
    pending.add(p);
    if (!flushing) {
      flush();
    }
  }

  private void onQuery(Message<JsonObject> message) {
    // Answer from durable state only: while a batch is being written, its events are applied in
    // memory but not yet acknowledged, so the query waits for the append.
    if (flushing || recovering) {
      waitingQueries.add(message);
    } else {
      message.reply(reads.answer(message.body()));
    }
  }

  private void flush() {
    flushing = true;
    List<JournalEntry> entries = new ArrayList<>();
    List<Reply> replies = new ArrayList<>();
    List<JsonObject> published = new ArrayList<>();
    int issued = 0;
    while (!pending.isEmpty() && replies.size() < MAX_BATCH) {
      Pending p = pending.poll();
      issued += decide(p, entries, replies, published);
    }
    if (entries.isEmpty()) {
      finishBatch(replies, published, 0);
      return;
    }
    long appendStart = System.nanoTime();
    int issuedInBatch = issued;
    journal.append(entries).onComplete(ar -> {
      metrics.journal(System.nanoTime() - appendStart);
      if (ar.succeeded()) {
        snapshotter.durable(entries.get(entries.size() - 1));
        finishBatch(replies, published, issuedInBatch);
      } else if (ar.cause() instanceof FencedOffException) {
        LOG.warn("hall {}: another node owns this hall now; stopping this writer", hall);
        recovering = true;
        replies.forEach(r -> r.send(Replies.unavailable("hall moved to another node")));
        pending.stream().filter(p -> p.message() != null)
            .forEach(p -> p.message().reply(Replies.unavailable("hall moved to another node")));
        pending.clear();
        vertx.eventBus().send(FENCED, hall);
      } else {
        LOG.error("hall {}: journal append of {} events failed; refusing the batch and rebuilding", hall,
            entries.size(), ar.cause());
        replies.forEach(r -> r.send(Replies.unavailable("journal append failed")));
        recoverUntilDone().onComplete(v -> {
          flushing = false;
          answerWaitingQueries();
          if (!pending.isEmpty()) {
            flush();
          }
        });
      }
    });
  }

  /** Decides one command into the batch; returns the tickets it issued. */
  private int decide(Pending p, List<JournalEntry> entries, List<Reply> replies, List<JsonObject> published) {
    String key = p.body().getString("idem");
    JsonObject earlier = key == null ? null : idempotency.get(key);
    if (earlier != null) {
      replies.add(new Reply(p, earlier.put("replayed", true)));
      return 0;
    }
    JsonObject notYours = checkClerk(p.body());
    if (notYours != null) {
      replies.add(new Reply(p, notYours));
      return 0;
    }
    HallCommand command;
    try {
      command = CommandCodec.decode(p.body());
    } catch (BadField e) {
      replies.add(new Reply(p, Replies.badField(e.field(), e.problem())));
      return 0;
    } catch (IllegalArgumentException e) {
      replies.add(new Reply(p, Replies.badField("body", e.getMessage())));
      return 0;
    }
    CommandResult result = engine.execute(command, clock.instant());
    JsonObject reply = Replies.of(command, result, engine.state());
    int issued = 0;
    List<SequencedEvent> events = result.events();
    for (int i = 0; i < events.size(); i++) {
      SequencedEvent se = events.get(i);
      JsonObject meta = null;
      if (i == events.size() - 1 && key != null && result.accepted()) {
        meta = new JsonObject().put("idem", key).put("reply", reply);
      }
      entries.add(new JournalEntry(se.seq(), EventCodec.toBuffer(se, meta).getBytes()));
      reads.live().track(se, engine.state());
      published.add(reads.live().message(se, engine.state(), reads.localNow()));
      if (se.event() instanceof HallEvent.TicketIssued) {
        issued++;
      }
    }
    if (key != null && result.accepted()) {
      idempotency.put(key, reply);
    }
    replies.add(new Reply(p, reply));
    return issued;
  }

  /** A window command sent "as clerk" is only for the clerk signed in at that window. */
  private JsonObject checkClerk(JsonObject body) {
    String staffNo = body.getString("asClerk");
    String window = body.getString("window");
    if (staffNo == null || window == null) {
      return null;
    }
    WindowState w;
    try {
      w = engine.state().window(new WindowId(window));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (w == null || w.clerk() != null && w.clerk().staffNo().equals(staffNo)) {
      return null;
    }
    return new JsonObject().put("ok", false).put("code", "NOT_YOUR_WINDOW")
        .put("message", "您未在该窗口签到，不能操作该窗口").put("messageEn", "You are not signed in at this window");
  }

  private void finishBatch(List<Reply> replies, List<JsonObject> published, int issued) {
    for (JsonObject m : published) {
      feed.add(m);
      vertx.eventBus().publish(Addresses.events(hall), m);
      if ("day.started".equals(m.getString("type"))) {
        vertx.eventBus().publish(Addresses.events(hall), reads.snapshot());
      }
    }
    long now = System.nanoTime();
    for (Reply r : replies) {
      r.send(r.reply);
      metrics.command(now - r.pending.arrivedNanos());
    }
    metrics.issued(issued);
    metrics.refresh(engine.state());
    flushing = false;
    snapshotter.maybeSave(engine, reads.live(), idempotency);
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
      Message<JsonObject> q = waitingQueries.poll();
      q.reply(recovering ? Replies.unavailable("recovering") : reads.answer(q.body()));
    }
  }

  private record Reply(Pending pending, JsonObject reply) {
    void send(JsonObject body) {
      if (pending.message() != null) {
        pending.message().reply(body);
      }
    }
  }

}
