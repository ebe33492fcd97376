package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.codec.ConfigFingerprint;
import cn.suixin.hall.server.crash.DataFolders;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.HallSnapshot;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The golden journal, written once by {@link GoldenJournalWriter} with the code of its day, still
 * reads into the very state it was written in. A change that makes an old journal unreadable, or
 * read into another state, fails here: make the change read the old form too (journals are only
 * ever added to), never regenerate the files to get past this test.
 *
 * <p>{@code city.fingerprint.txt} is {@code HallState.fingerprint()} of that state. It may be
 * rewritten (by hand or by the writer) only in a commit that changes what the fingerprint prints, a
 * new field of the state say; the journal and snapshot under {@code data/} stay as they are.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GoldenJournalTest {
  /** Kinds of event when the golden journal was written, each of them in it. */
  private static final int KINDS_WRITTEN = 24;

  @TempDir Path dir;
  private final HallConfig config = Golden.config();
  private Vertx vertx;
  private EmbeddedJournalStore store;
  private HallJournal journal;

  @BeforeEach
  void openACopy() throws Exception {
    vertx = Vertx.vertx();
    // opening a journal may cut a torn tail: never open the committed files themselves
    store = new EmbeddedJournalStore(vertx, DataFolders.copy(Golden.DATA, dir.resolve("data")));
    journal = store.journal(Golden.HALL);
  }

  @AfterEach
  void close() throws Exception {
    await(store.close());
    await(vertx.close());
  }

  @Test
  void the_whole_golden_journal_replays_into_the_state_it_was_written_in() throws Exception {
    List<HallEvent> events = new ArrayList<>();
    HallEngine engine = new HallEngine(config);
    await(
        new ReplayPages(vertx, journal, 16)
            .applyAll(
                new ReplayPages(vertx, journal, 16).read(1),
                d -> {
                  engine.apply(d.event());
                  events.add(d.event().event());
                },
                last -> {}));

    assertThat(engine.state().fingerprint()).isEqualTo(expectedFingerprint());
    assertThat(events.stream().map(Object::getClass).distinct())
        .as("kinds of event in the golden journal")
        .hasSize(KINDS_WRITTEN);
    assertThat(await(journal.readFrom(1, 1000)))
        .as("written before records named their format version, so read" + " as version 1")
        .allSatisfy(
            e -> assertThat(new JsonObject(Buffer.buffer(e.payload())).containsKey("v")).isFalse());
  }

  /**
   * Layout 1 snapshots hold the engine's old positional image; they are still read, so the first
   * start after the upgrade begins at its snapshot rather than replaying the whole journal.
   */
  @ParameterizedTest(name = "snapshot layout {0}")
  @ValueSource(ints = {1, 2})
  void the_golden_snapshot_and_the_journal_after_it_give_the_same_state(int layout)
      throws Exception {
    if (layout == 2) {
      Files.copy(
          Golden.LAYOUT_2_SNAPSHOT,
          dir.resolve("data").resolve("snapshots").resolve(Golden.HALL + ".snap"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    HallSnapshot saved = await(store.snapshots(Golden.HALL).latest());
    assertThat(saved).as("the golden snapshot").isNotNull();
    assertThat(ByteBuffer.wrap(saved.image()).getInt()).as("its layout").isEqualTo(layout);
    long lastSeq = await(journal.lastSeq());
    assertThat(saved.seq()).as("a snapshot taken midway").isBetween(2L, lastSeq - 2);

    HallSnapshotter snapshotter =
        new HallSnapshotter(vertx, config, store.snapshots(Golden.HALL), 0);
    SnapshotImage.Restored restored = await(snapshotter.restore(saved, journal));
    assertThat(restored).as("the golden snapshot restored, not set aside").isNotNull();
    assertThat(restored.seq()).isEqualTo(saved.seq());
    assertThat(restored.recentCalls())
        .extracting(c -> c.getString("number"))
        .containsExactly("A001");
    assertThat(restored.idempotency())
        .extracting(e -> e.getKey())
        .startsWith("golden-1")
        .hasSizeGreaterThan(3);

    HallEngine engine = restored.engine();
    ReplayPages pages = new ReplayPages(vertx, journal, 16);
    await(pages.applyAll(pages.read(saved.seq() + 1), d -> engine.apply(d.event()), last -> {}));
    assertThat(engine.state().fingerprint()).isEqualTo(expectedFingerprint());
  }

  @Test
  void the_golden_state_survives_a_snapshot_of_this_server() throws Exception {
    HallEngine engine = new HallEngine(config);
    ReplayPages pages = new ReplayPages(vertx, journal, 16);
    await(pages.applyAll(pages.read(1), d -> engine.apply(d.event()), last -> {}));
    byte[] bytes =
        SnapshotImage.encode(
            new SnapshotImage.Capture(
                engine.state().seq(),
                0,
                ConfigFingerprint.of(config),
                engine.state().export(),
                List.of(),
                List.of()));

    SnapshotImage.Restored restored =
        SnapshotImage.decode(bytes, config, ConfigFingerprint.of(config));

    assertThat(ByteBuffer.wrap(bytes).getInt())
        .as("the layout written")
        .isEqualTo(SnapshotImage.LAYOUT);
    assertThat(restored.engine().state().fingerprint()).isEqualTo(expectedFingerprint());
    assertThat(restored.engine().state().export()).isEqualTo(engine.state().export());
  }

  private static String expectedFingerprint() throws Exception {
    return Files.readString(Golden.FINGERPRINT, StandardCharsets.UTF_8);
  }

  /** Every record type of a sealed event hierarchy, through its sealed sub-interfaces. */
  static Set<Class<?>> eventKinds(Class<?> sealed) {
    Set<Class<?>> kinds = new LinkedHashSet<>();
    for (Class<?> c : sealed.getPermittedSubclasses()) {
      if (c.isSealed()) {
        kinds.addAll(eventKinds(c));
      } else {
        kinds.add(c);
      }
    }
    return kinds;
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
