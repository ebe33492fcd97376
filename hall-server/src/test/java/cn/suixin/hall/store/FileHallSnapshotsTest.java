package cn.suixin.hall.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The embedded store's snapshot files, and what it makes of one it finds damaged. */
@ExtendWith(VertxExtension.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FileHallSnapshotsTest {

  private static final int IMAGE_BYTES = 100_000;

  @TempDir Path dir;

  enum Damage {
    TRUNCATED_MIDWAY_THROUGH_THE_IMAGE("header announces 100000 image bytes but 99900 follow"),
    TRUNCATED_INSIDE_THE_HEADER("only 10 bytes, shorter than the 24-byte header"),
    BYTE_FLIPPED_IN_THE_IMAGE("image checksum"),
    WRONG_MAGIC("wrong magic"),
    LATER_FORMAT_VERSION("format version 2, this server reads version 1");

    final String problem;

    Damage(String problem) {
      this.problem = problem;
    }

    void apply(Path file) throws IOException {
      try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
        switch (this) {
          case TRUNCATED_MIDWAY_THROUGH_THE_IMAGE -> raf.setLength(raf.length() - 100);
          case TRUNCATED_INSIDE_THE_HEADER -> raf.setLength(10);
          case BYTE_FLIPPED_IN_THE_IMAGE -> flip(raf, SnapshotFrame.HEADER + IMAGE_BYTES / 2);
          case WRONG_MAGIC -> flip(raf, 0);
          case LATER_FORMAT_VERSION -> {
            raf.seek(7);
            raf.write(2);
          }
        }
      }
    }

    private static void flip(RandomAccessFile raf, long at) throws IOException {
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 0x40);
    }
  }

  @Test
  void snapshots_are_kept_as_one_file_per_hall_in_a_folder_made_by_the_first_save(Vertx vertx)
      throws Exception {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    assertThat(await(store.snapshots("city").latest())).isNull();
    assertThat(dir.resolve("snapshots")).doesNotExist();

    await(store.snapshots("city").save(snapshot(12)));
    await(store.close());

    Path file = dir.resolve("snapshots/city.snap");
    assertThat(Files.size(file)).isEqualTo(SnapshotFrame.HEADER + IMAGE_BYTES);
    byte[] magic = new byte[6];
    try (var in = Files.newInputStream(file)) {
      assertThat(in.read(magic)).isEqualTo(6);
    }
    assertThat(new String(magic, StandardCharsets.US_ASCII)).isEqualTo("SXSNAP");
    try (var files = Files.list(dir.resolve("snapshots"))) {
      assertThat(files).containsExactly(file);
    }
  }

  @ParameterizedTest
  @EnumSource(Damage.class)
  void a_damaged_file_is_ignored_with_one_warning_and_the_next_save_replaces_it(
      Damage damage, Vertx vertx) throws Exception {
    EmbeddedJournalStore first = new EmbeddedJournalStore(vertx, dir);
    await(first.snapshots("city").save(snapshot(12)));
    await(first.close());
    Path file = dir.resolve("snapshots/city.snap");
    damage.apply(file);

    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    try (LogCapture log = LogCapture.of(FileHallSnapshots.class)) {
      assertThat(await(store.snapshots("city").latest())).isNull();
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains("hall city", file.toString(), damage.problem);
    }
    await(store.snapshots("city").save(snapshot(20)));
    assertThat(await(store.snapshots("city").latest())).isEqualTo(snapshot(20));
    await(store.close());
  }

  @Test
  void a_temp_file_left_by_a_crash_midway_through_a_save_changes_nothing(Vertx vertx)
      throws Exception {
    EmbeddedJournalStore first = new EmbeddedJournalStore(vertx, dir);
    await(first.snapshots("city").save(snapshot(12)));
    await(first.close());
    Path temp = dir.resolve("snapshots/city.snap.tmp");
    byte[] halfWritten = new byte[3 * IMAGE_BYTES];
    new Random(1).nextBytes(halfWritten);
    Files.write(temp, halfWritten);

    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    try (LogCapture log = LogCapture.of(FileHallSnapshots.class)) {
      assertThat(await(store.snapshots("city").latest())).isEqualTo(snapshot(12));
      await(store.snapshots("city").save(snapshot(20)));
      assertThat(await(store.snapshots("city").latest())).isEqualTo(snapshot(20));
      assertThat(log.warnings()).isEmpty();
    }
    await(store.close());
    assertThat(temp).doesNotExist();
  }

  @Test
  void a_save_that_cannot_write_fails_and_leaves_the_earlier_snapshot(Vertx vertx)
      throws Exception {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    await(store.snapshots("city").save(snapshot(12)));
    // A non-empty directory where the temp file goes: no open, write or delete can get past it.
    Files.createDirectories(dir.resolve("snapshots/city.snap.tmp/in-the-way"));

    assertThatThrownBy(() -> await(store.snapshots("city").save(snapshot(20))))
        .isInstanceOf(IOException.class);
    assertThat(await(store.snapshots("city").latest())).isEqualTo(snapshot(12));
    await(store.close());
  }

  @Test
  void closing_the_store_waits_for_a_save_in_flight(Vertx vertx) throws Exception {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    HallSnapshot large = SnapshotFixtures.snapshot(500, 16 * 1024 * 1024);
    HallSnapshots snapshots = store.snapshots("city");
    Future<Void> save = snapshots.save(large);
    await(store.close());

    assertThat(Files.size(dir.resolve("snapshots/city.snap")))
        .isEqualTo(SnapshotFrame.HEADER + large.image().length);
    await(save);
    assertThatThrownBy(() -> await(snapshots.latest())).hasMessageContaining("closed");
    EmbeddedJournalStore reopened = new EmbeddedJournalStore(vertx, dir);
    assertThat(await(reopened.snapshots("city").latest())).isEqualTo(large);
    await(reopened.close());
  }

  @Test
  void a_hall_id_that_could_leave_the_snapshot_folder_is_refused(Vertx vertx) throws Exception {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    assertThatThrownBy(() -> store.snapshots("../records"))
        .isInstanceOf(IllegalArgumentException.class);
    await(store.close());
  }

  private static HallSnapshot snapshot(long seq) {
    return SnapshotFixtures.snapshot(seq, IMAGE_BYTES);
  }

  private static <T> T await(Future<T> future) throws TimeoutException {
    return future.await(10, TimeUnit.SECONDS);
  }
}
