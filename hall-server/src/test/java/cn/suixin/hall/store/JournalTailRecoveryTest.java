package cn.suixin.hall.store;

import static cn.suixin.hall.store.JournalFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("A journal left damaged by a crash or by bad media")
class JournalTailRecoveryTest {

  @TempDir Path dir;

  @Test
  @DisplayName("drops a record torn in the middle and continues at its seq")
  void torn_tail_is_cut(Vertx vertx, VertxTestContext testContext) {
    damageThenReopen(
        vertx,
        testContext,
        file -> {
          try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(raf.length() - 7);
          }
        },
        9);
  }

  @Test
  @DisplayName("drops a last record whose bytes were flipped and continues at its seq")
  void corrupt_tail_is_cut(Vertx vertx, VertxTestContext testContext) {
    damageThenReopen(
        vertx,
        testContext,
        file -> {
          try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(raf.length() - 5);
            int b = raf.read();
            raf.seek(raf.length() - 5);
            raf.write(b ^ 0xFF);
          }
        },
        9);
  }

  @Test
  @DisplayName("drops a tail of random garbage and keeps every whole record")
  void garbage_tail_is_cut(Vertx vertx, VertxTestContext testContext) {
    damageThenReopen(
        vertx,
        testContext,
        file -> {
          byte[] garbage = new byte[1000];
          new Random(42).nextBytes(garbage);
          Files.write(file, garbage, StandardOpenOption.APPEND);
        },
        10);
  }

  @Test
  @DisplayName("drops a tail of zeros such as a file system leaves after power loss")
  void zero_tail_is_cut(Vertx vertx, VertxTestContext testContext) {
    damageThenReopen(
        vertx,
        testContext,
        file -> Files.write(file, new byte[4096], StandardOpenOption.APPEND),
        10);
  }

  @Test
  @DisplayName(
      "refuses to open when a record in the middle fails its checksum, naming file, offset and seq")
  void damage_followed_by_good_records_is_refused(Vertx vertx, VertxTestContext testContext)
      throws IOException {
    Path file = dir.resolve("city.log");
    long[] fourth = new long[1];
    long[] size = new long[1];
    FileHallJournal.open(vertx, dir, "city")
        .compose(journal -> journal.append(entries(1, 10)).compose(v -> journal.close()))
        .compose(
            v -> {
              try {
                fourth[0] = 3L * Frames.size(JournalFixtures.entry(1).payload());
                size[0] = Files.size(file);
                flip(file, fourth[0] + Frames.HEADER + 3);
                return FileHallJournal.open(vertx, dir, "city");
              } catch (IOException e) {
                return Future.failedFuture(e);
              }
            })
        .onComplete(
            testContext.failing(
                t ->
                    testContext.verify(
                        () -> {
                          assertThat(rootCause(t).getMessage())
                              .contains(
                                  file.toString(),
                                  "offset " + fourth[0],
                                  "expected seq 4",
                                  "seq 5",
                                  "journal repair --hall city");
                          assertThat(Files.size(file)).as("nothing cut").isEqualTo(size[0]);
                          try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                            assertThat(files.map(f -> f.getFileName().toString()))
                                .containsExactly("city.log");
                          }
                          testContext.completeNow();
                        })));
  }

  private static void flip(Path file, long position) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(position);
      int b = raf.read();
      raf.seek(position);
      raf.write(b ^ 0x01);
    }
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  interface Damage {
    void apply(Path file) throws IOException;
  }

  /**
   * Writes seqs 1..10, damages the file, reopens, and expects {@code kept} entries plus new ones.
   */
  private void damageThenReopen(
      Vertx vertx, VertxTestContext testContext, Damage damage, int kept) {
    Path file = dir.resolve("city.log");
    FileHallJournal.open(vertx, dir, "city")
        .compose(journal -> journal.append(entries(1, 10)).compose(v -> journal.close()))
        .compose(
            v -> {
              try {
                damage.apply(file);
                return FileHallJournal.open(vertx, dir, "city");
              } catch (IOException e) {
                return Future.failedFuture(e);
              }
            })
        .compose(
            journal ->
                journal
                    .lastSeq()
                    .compose(
                        last -> {
                          testContext.verify(() -> assertThat(last).isEqualTo((long) kept));
                          return journal.append(entries(kept + 1, 5));
                        })
                    .compose(v -> journal.close()))
        .compose(v -> FileHallJournal.open(vertx, dir, "city"))
        .compose(
            journal ->
                journal
                    .readFrom(1, 100)
                    .compose(
                        read -> {
                          testContext.verify(
                              () -> assertThat(read).isEqualTo(entries(1, kept + 5)));
                          return journal.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }
}
