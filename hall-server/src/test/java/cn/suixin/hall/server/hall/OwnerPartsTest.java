package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.FencedOffException;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parts of a hall's owner on their own, without the verticle: the group commit, the queries
 * held for durable state, recovery from the journal and a writer fenced off.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OwnerPartsTest {
  private static final HallConfig CITY =
      new ConfigLoader()
          .load(Path.of("..", "config")).halls().stream()
              .filter(h -> h.id().value().equals("city"))
              .findFirst()
              .orElseThrow()
              .alwaysOpen();
  private static final Clock CLOCK = Clock.systemUTC();

  @TempDir Path dir;
  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().await(10, TimeUnit.SECONDS);
  }

  private static CommandDecider decider(HallEngine engine) {
    return new CommandDecider("city", engine, reads(engine), new IdempotencyCache(100), CLOCK);
  }

  private static HallReads reads(HallEngine engine) {
    return new HallReads(engine.state(), CLOCK, new FeedBuffer(64));
  }

  private static PendingCommand tick() {
    return new PendingCommand(HallRequest.of(new HallCommand.Tick()), null, System.nanoTime());
  }

  private GroupCommit commit(HallJournal journal) {
    return new GroupCommit(
        "city",
        journal,
        new PendingWatches(
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry(),
                PendingWatches.DEFAULT_STALL)
            .watch("city"));
  }

  @Test
  void a_group_commit_takes_at_most_its_batch_size_and_leaves_the_rest_for_the_next() {
    GroupCommit commit = commit(null);
    for (int i = 0; i < GroupCommit.MAX_BATCH + 5; i++) {
      commit.add(tick());
    }
    CommandDecider decider = decider(new HallEngine(CITY));
    assertThat(commit.decide(decider).commands()).isEqualTo(GroupCommit.MAX_BATCH);
    assertThat(commit.hasPending()).isTrue();
    assertThat(commit.decide(decider).commands()).isEqualTo(5);
    assertThat(commit.hasPending()).isFalse();
  }

  @Test
  void a_journal_that_throws_fails_the_append_as_one_that_fails_its_future() throws Exception {
    GroupCommit commit = commit(new ThrowingJournal());
    commit.add(tick());
    Batch batch = commit.decide(decider(new HallEngine(CITY)));
    List<Long> took = new ArrayList<>();
    Future<Void> append = commit.append(batch, took::add);
    assertThat(append.failed()).isTrue();
    assertThat(append.cause()).hasMessage("disk gone");
    assertThat(took).as("the append's time is still recorded").hasSize(1);
  }

  @Test
  void queries_wait_while_a_batch_is_written_and_a_probe_does_not() throws Exception {
    HeldQueries queries = new HeldQueries("city");
    HallReads reads = reads(new HallEngine(CITY));
    List<JsonObject> answers = new ArrayList<>();
    Promise<Void> probed = Promise.promise();
    vertx
        .eventBus()
        .<JsonObject>consumer(
            "test.queries",
            m -> {
              queries.take(m, OwnerPhase.WRITING, reads);
              if (HallReads.isProbe(m.body())) {
                probed.complete();
              }
            });
    Future<Message<JsonObject>> snapshot =
        vertx.eventBus().request("test.queries", new JsonObject().put("type", "snapshot"));
    vertx
        .eventBus()
        .<JsonObject>request("test.queries", new JsonObject().put("type", "status"))
        .onSuccess(m -> answers.add(m.body()));
    probed.future().await(5, TimeUnit.SECONDS);
    assertThat(queries.waiting()).isEqualTo(1);
    vertx.runOnContext(v -> queries.answerWaiting(OwnerPhase.SERVING, reads));
    assertThat(snapshot.await(5, TimeUnit.SECONDS).body().getBoolean("ok")).isTrue();
    assertThat(answers).hasSize(1);
    assertThat(answers.get(0).getJsonObject("result").getBoolean("serving")).isTrue();
  }

  @Test
  void a_query_answered_while_the_hall_is_recovering_is_told_to_retry() throws Exception {
    HeldQueries queries = new HeldQueries("city");
    HallReads reads = reads(new HallEngine(CITY));
    vertx
        .eventBus()
        .<JsonObject>consumer("test.queries", m -> queries.take(m, OwnerPhase.RECOVERING, reads));
    JsonObject reply =
        vertx
            .eventBus()
            .<JsonObject>request("test.queries", new JsonObject().put("type", "status"))
            .await(5, TimeUnit.SECONDS)
            .body();
    assertThat(reply.getString("code")).isEqualTo("HALL_UNAVAILABLE");
    assertThat(reply.getInteger("status")).isEqualTo(503);
  }

  @Test
  void recovery_rebuilds_the_state_and_the_replies_a_retry_gets_from_the_journal()
      throws Exception {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    HallJournal journal = store.journal("city");
    HallEngine written = new HallEngine(CITY);
    IdempotencyCache cache = new IdempotencyCache(100);
    CommandDecider decider = new CommandDecider("city", written, reads(written), cache, CLOCK);
    GroupCommit commit = commit(journal);
    commit.add(
        new PendingCommand(
            HallRequest.of(
                    new HallCommand.SignIn(
                        new WindowId("07"), new cn.suixin.hall.engine.Clerk("K07", "王")))
                .withKey("k-sign-in"),
            null,
            System.nanoTime()));
    commit.add(
        new PendingCommand(
            HallRequest.of(new HallCommand.OpenWindow(new WindowId("07"))),
            null,
            System.nanoTime()));
    Batch batch = onContext(() -> commit.decide(decider));
    onContext(() -> commit.append(batch, n -> {})).await(5, TimeUnit.SECONDS);

    IdempotencyCache recoveredCache = new IdempotencyCache(100);
    HallRecovery recovery =
        new HallRecovery(
            vertx,
            CITY,
            journal,
            new HallSnapshotter(vertx, CITY, store.snapshots("city"), 0),
            recoveredCache,
            new FeedBuffer(64),
            CLOCK);
    HallRecovery.Recovered r = onContext(recovery::recover).await(10, TimeUnit.SECONDS);
    assertThat(r.engine().state().seq()).isEqualTo(written.state().seq()).isPositive();
    assertThat(r.engine().state().window(new WindowId("07")).clerk().staffNo()).isEqualTo("K07");
    assertThat(recoveredCache.get("k-sign-in")).isEqualTo(cache.get("k-sign-in"));
  }

  @Test
  void a_fenced_off_writer_refuses_what_waits_and_tells_ownership() throws Exception {
    Promise<String> told = Promise.promise();
    vertx.eventBus().<String>localConsumer(FencedOff.ADDRESS, m -> told.complete(m.body()));
    GroupCommit commit = commit(null);
    vertx
        .eventBus()
        .consumer(
            "test.commands",
            m -> {
              commit.add(new PendingCommand(m.body(), m, System.nanoTime()));
              FencedOff.stopWriting("city", new Batch("city"), commit, vertx.eventBus());
            });
    JsonObject reply =
        vertx
            .eventBus()
            .<JsonObject>request("test.commands", new JsonObject().put("type", "tick"))
            .await(5, TimeUnit.SECONDS)
            .body();
    assertThat(reply.getInteger("status")).isEqualTo(503);
    assertThat(reply.getString("detail")).isEqualTo("hall moved to another node");
    assertThat(told.future().await(5, TimeUnit.SECONDS)).isEqualTo("city");
    assertThat(commit.hasPending()).isFalse();
    assertThat(FencedOff.is(new FencedOffException("fenced"))).isTrue();
  }

  private <T> T onContext(java.util.function.Supplier<T> work) throws Exception {
    Promise<T> done = Promise.promise();
    vertx.runOnContext(v -> done.complete(work.get()));
    return done.future().await(5, TimeUnit.SECONDS);
  }

  /** A journal whose append throws instead of failing its future. */
  private static final class ThrowingJournal implements HallJournal {
    @Override
    public Future<Void> append(List<JournalEntry> batch) {
      throw new IllegalStateException("disk gone");
    }

    @Override
    public Future<List<JournalEntry>> readFrom(long seqInclusive, int max) {
      return Future.succeededFuture(List.of());
    }

    @Override
    public Future<Long> lastSeq() {
      return Future.succeededFuture(0L);
    }

    @Override
    public Future<Void> close() {
      return Future.succeededFuture();
    }
  }
}
