package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.crash.DataFolders;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.HallSnapshot;
import cn.suixin.hall.store.LogCapture;
import cn.suixin.hall.store.SnapshotFrame;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hall owner over a real embedded store, taking a snapshot every 50 events: a restart starts from
 * the last snapshot and replays only the tail, and ends exactly where the whole journal would. A
 * "crash" here is a copy of the data folder taken while the owner runs: the journal is forced per
 * batch and a snapshot is renamed into place whole, so the copy is what a power cut leaves.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HallSnapshotTest {
  private static final int EVERY = 50;
  private static final HallConfig CITY =
      new ConfigLoader()
          .load(Path.of("..", "config")).halls().stream()
              .filter(h -> h.id().value().equals("city"))
              .findFirst()
              .orElseThrow()
              .alwaysOpen();

  @TempDir Path dir;
  private final List<Vertx> started = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (Vertx v : started) {
      await(v.close());
    }
  }

  @Test
  void a_restart_starts_from_the_last_snapshot_replays_the_tail_and_ends_where_the_journal_does()
      throws Exception {
    Owner live = Owner.start(this, dir.resolve("live"), CITY);
    List<JsonObject> firstReplies = live.work(130, "k");
    HallSnapshot saved = live.awaitSnapshot();
    assertThat(saved.seq()).as("a snapshot taken on the way").isGreaterThanOrEqualTo(EVERY);
    Path crashed = DataFolders.copy(dir.resolve("live"), dir.resolve("crashed"));
    long seqAtCrash = live.snapshotView().getLong("seq");
    // the copy's own snapshot: the live owner may save a later one while or after it is copied
    HallSnapshot atCrash =
        SnapshotFrame.decode(
            ByteBuffer.wrap(Files.readAllBytes(crashed.resolve("snapshots").resolve("city.snap"))));
    assertThat(seqAtCrash - atCrash.seq()).as("events after the snapshot, to replay").isPositive();

    try (LogCapture log = LogCapture.of(HallRecovery.class)) {
      Owner restarted = Owner.start(this, crashed, CITY);
      assertThat(log.lines())
          .anyMatch(
              line ->
                  line.contains("restored from the snapshot at seq " + atCrash.seq())
                      && line.contains("replayed " + (seqAtCrash - atCrash.seq()) + " events"));
      assertThat(restarted.snapshotView()).isEqualTo(live.snapshotView());
      // retries are answered with the first reply, from before the snapshot and from the tail alike
      for (int i : new int[] {0, 1, 64, 128, 129}) {
        JsonObject again = restarted.send(issue("k" + i));
        assertThat(again.getBoolean("replayed")).as("retry of k%d", i).isTrue();
        assertThat(again.copy().put("replayed", null))
            .isEqualTo(firstReplies.get(i).copy().put("replayed", null));
      }
      JsonObject next = restarted.send(issue("after"));
      assertThat(next.getJsonObject("result").getJsonObject("ticket").getString("number"))
          .as("numbering goes on")
          .isEqualTo("A131");
    }
  }

  @Test
  void a_stopping_owner_leaves_a_snapshot_at_its_last_event() throws Exception {
    Owner live = Owner.start(this, dir.resolve("live"), CITY);
    live.work(20, "s");
    long seq = live.snapshotView().getLong("seq");
    await(live.vertx.undeploy(live.deployment));
    assertThat(await(live.store.snapshots("city").latest()).seq()).isEqualTo(seq);
    try (LogCapture log = LogCapture.of(HallRecovery.class)) {
      Owner.start(this, DataFolders.copy(dir.resolve("live"), dir.resolve("again")), CITY);
      assertThat(log.lines())
          .anyMatch(
              line ->
                  line.contains("restored from the snapshot at seq " + seq)
                      && line.contains("replayed 0 events"));
    }
  }

  @Test
  void a_snapshot_of_another_journal_is_set_aside_and_the_whole_journal_replayed()
      throws Exception {
    Owner a = Owner.start(this, dir.resolve("a"), CITY);
    a.work(120, "a");
    a.awaitSnapshot();
    Owner b = Owner.start(this, dir.resolve("b"), CITY);
    b.work(150, "b"); // a longer, different history: the snapshot's seq exists in it
    JsonObject bView = b.snapshotView();
    Path mixed = DataFolders.copy(dir.resolve("b"), dir.resolve("mixed"));
    Files.createDirectories(mixed.resolve("snapshots"));
    Files.copy(
        dir.resolve("a").resolve("snapshots").resolve("city.snap"),
        mixed.resolve("snapshots").resolve("city.snap"),
        StandardCopyOption.REPLACE_EXISTING);
    try (LogCapture log = LogCapture.of(HallSnapshotter.class)) {
      Owner restarted = Owner.start(this, mixed, CITY);
      assertThat(log.warnings()).anyMatch(w -> w.contains("not the one the snapshot was taken at"));
      assertThat(restarted.snapshotView()).isEqualTo(bView);
    }
  }

  @Test
  void a_snapshot_taken_under_another_configuration_is_set_aside() throws Exception {
    Owner live = Owner.start(this, dir.resolve("live"), CITY);
    live.work(80, "c");
    await(live.vertx.undeploy(live.deployment));
    HallConfig regularHours =
        new ConfigLoader()
            .load(Path.of("..", "config")).halls().stream()
                .filter(h -> h.id().value().equals("city"))
                .findFirst()
                .orElseThrow();
    try (LogCapture log = LogCapture.of(HallSnapshotter.class)) {
      Owner restarted =
          Owner.start(
              this, DataFolders.copy(dir.resolve("live"), dir.resolve("other")), regularHours);
      assertThat(log.warnings()).anyMatch(w -> w.contains("configuration changed"));
      assertThat(restarted.snapshotView().getLong("seq"))
          .isEqualTo(await(live.store.snapshots("city").latest()).seq());
    }
  }

  private static JsonObject issue(String key) {
    return new JsonObject().put("type", "issue").put("matter", "EE-PASSPORT").put("idem", key);
  }

  static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  /** One hall owner on its own Vert.x and store. */
  private static final class Owner {
    final Vertx vertx;
    final EmbeddedJournalStore store;
    final String deployment;

    private Owner(Vertx vertx, EmbeddedJournalStore store, String deployment) {
      this.vertx = vertx;
      this.store = store;
      this.deployment = deployment;
    }

    static Owner start(HallSnapshotTest test, Path data, HallConfig config) throws Exception {
      Vertx vertx = Vertx.vertx();
      test.started.add(vertx);
      EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, data);
      String id =
          await(
              vertx.deployVerticle(
                  new HallVerticle(
                      config,
                      store.journal("city"),
                      store.snapshots("city"),
                      EVERY,
                      Clock.systemUTC(),
                      new SimpleMeterRegistry())));
      return new Owner(vertx, store, id);
    }

    JsonObject send(JsonObject command) throws Exception {
      return await(vertx.eventBus().<JsonObject>request(Addresses.commands("city"), command))
          .body();
    }

    JsonObject snapshotView() throws Exception {
      JsonObject reply =
          await(
                  vertx
                      .eventBus()
                      .<JsonObject>request(
                          Addresses.queries("city"), new JsonObject().put("type", "snapshot")))
              .body();
      return reply.getJsonObject("result");
    }

    /** Issues {@code n} keyed tickets, calling and finishing one at window 07 after every third. */
    List<JsonObject> work(int n, String keyPrefix) throws Exception {
      send(
          new JsonObject()
              .put("type", "sign-in")
              .put("window", "07")
              .put("staffNo", "K07")
              .put("clerkName", "王"));
      List<JsonObject> replies = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        replies.add(send(issue(keyPrefix + i)));
        if (i % 3 == 2) {
          send(new JsonObject().put("type", "call-next").put("window", "07"));
          send(new JsonObject().put("type", "finish").put("window", "07").put("outcome", "DONE"));
        }
      }
      return replies;
    }

    HallSnapshot awaitSnapshot() {
      return Awaitility.await("a snapshot within 10 s")
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> await(store.snapshots("city").latest()), Objects::nonNull);
    }
  }
}
