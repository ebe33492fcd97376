package cn.suixin.hall.store;

import static cn.suixin.hall.store.JournalFixtures.entries;
import static cn.suixin.hall.store.JournalFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The file journal of a hall")
class FileHallJournalTest {

  @TempDir Path dir;

  @Test
  @DisplayName("reads back what was appended, in order, from any seq")
  void reads_back_appended_entries(Vertx vertx, VertxTestContext testContext) {
    FileHallJournal.open(vertx, dir, "city")
        .compose(
            journal ->
                journal
                    .append(entries(1, 3))
                    .compose(v -> journal.append(entries(4, 2)))
                    .compose(
                        v ->
                            Future.all(
                                journal.readFrom(2, 10),
                                journal.readFrom(1, 2),
                                journal.readFrom(6, 10),
                                journal.lastSeq()))
                    .compose(
                        reads -> {
                          testContext.verify(
                              () -> {
                                assertThat(reads.<List<JournalEntry>>resultAt(0))
                                    .isEqualTo(entries(2, 4));
                                assertThat(reads.<List<JournalEntry>>resultAt(1))
                                    .isEqualTo(entries(1, 2));
                                assertThat(reads.<List<JournalEntry>>resultAt(2)).isEmpty();
                                assertThat(reads.<Long>resultAt(3)).isEqualTo(5L);
                              });
                          return journal.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("coalesces a thousand appends issued at once into far fewer fsyncs")
  void group_commit_coalesces_forces(Vertx vertx, VertxTestContext testContext) {
    FileHallJournal.open(vertx, dir, "city")
        .onComplete(
            testContext.succeeding(
                journal -> {
                  List<Future<Void>> acks = new ArrayList<>();
                  for (long seq = 1; seq <= 1000; seq++) {
                    acks.add(journal.append(List.of(entry(seq))));
                  }
                  Future.all(acks)
                      .compose(v -> journal.readFrom(1, 2000))
                      .onComplete(
                          testContext.succeeding(
                              read ->
                                  testContext.verify(
                                      () -> {
                                        assertThat(read).isEqualTo(entries(1, 1000));
                                        assertThat(journal.forceCount()).isBetween(1L, 50L);
                                        journal
                                            .close()
                                            .onComplete(testContext.succeedingThenComplete());
                                      })));
                }));
  }

  @Test
  @DisplayName("loads every entry again after a close and a reopen, then continues")
  void reopen_loads_everything(Vertx vertx, VertxTestContext testContext) {
    FileHallJournal.open(vertx, dir, "city")
        .compose(journal -> appendInBatches(journal, 1, 200, 10).compose(v -> journal.close()))
        .compose(v -> FileHallJournal.open(vertx, dir, "city"))
        .compose(
            journal ->
                journal
                    .append(entries(201, 1))
                    .compose(v -> journal.readFrom(1, Integer.MAX_VALUE))
                    .compose(
                        read -> {
                          testContext.verify(() -> assertThat(read).isEqualTo(entries(1, 201)));
                          return journal.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("refuses a batch that does not continue the journal")
  void refuses_gaps(Vertx vertx, VertxTestContext testContext) {
    FileHallJournal.open(vertx, dir, "city")
        .compose(
            journal ->
                journal
                    .append(entries(2, 1))
                    .transform(
                        ar -> {
                          testContext.verify(
                              () ->
                                  assertThat(ar.cause())
                                      .isInstanceOf(IllegalArgumentException.class));
                          return journal.append(List.of(entry(1), entry(3)));
                        })
                    .transform(
                        ar -> {
                          testContext.verify(
                              () ->
                                  assertThat(ar.cause())
                                      .isInstanceOf(IllegalArgumentException.class));
                          return journal.append(entries(1, 1)).compose(v -> journal.lastSeq());
                        })
                    .compose(
                        last -> {
                          testContext.verify(() -> assertThat(last).isEqualTo(1L));
                          return journal.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("fails only the batch whose write failed and lets the writer retry cleanly")
  void failed_write_fails_its_batch(Vertx vertx, VertxTestContext testContext) {
    Path file = dir.resolve("city.log");
    FileHallJournal.open(vertx, dir, "city")
        .compose(
            journal ->
                journal
                    .append(entries(1, 3))
                    .compose(
                        v -> {
                          journal.failNextWrite();
                          return journal.append(entries(4, 2));
                        })
                    .transform(
                        ar -> {
                          testContext.verify(() -> assertThat(ar.failed()).isTrue());
                          return journal.lastSeq();
                        })
                    .compose(
                        last -> {
                          testContext.verify(() -> assertThat(last).isEqualTo(3L));
                          return journal.append(entries(4, 2));
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
                              () -> {
                                assertThat(read).isEqualTo(entries(1, 5));
                                long expectedSize =
                                    entries(1, 5).stream()
                                        .mapToLong(e -> Frames.size(e.payload()))
                                        .sum();
                                assertThat(Files.size(file)).isEqualTo(expectedSize);
                              });
                          return journal.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName(
      "replays a hundred thousand events, every one (how fast: bench/JournalReplayBenchmark)")
  void replays_100k_events(Vertx vertx, VertxTestContext testContext) {
    FileHallJournal.open(vertx, dir, "city")
        .compose(
            journal -> appendInBatches(journal, 1, 100_000, 1000).compose(v -> journal.close()))
        .compose(
            v -> {
              return FileHallJournal.open(vertx, dir, "city")
                  .compose(
                      journal ->
                          journal
                              .readFrom(1, 100_000)
                              .compose(
                                  read -> {
                                    testContext.verify(
                                        () -> {
                                          assertThat(read).hasSize(100_000);
                                          assertThat(read.get(99_999)).isEqualTo(entry(100_000));
                                        });
                                    return journal.close();
                                  }));
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("refuses appends once closed")
  void refuses_appends_after_close(Vertx vertx, VertxTestContext testContext) {
    FileHallJournal.open(vertx, dir, "city")
        .compose(journal -> journal.close().compose(v -> journal.append(entries(1, 1))))
        .onComplete(
            testContext.failing(
                e ->
                    testContext.verify(
                        () -> {
                          assertThat(e).isInstanceOf(IllegalStateException.class);
                          testContext.completeNow();
                        })));
  }

  @Test
  @DisplayName("answers every caller on the caller's own context")
  void completes_on_the_callers_context(Vertx vertx, VertxTestContext testContext) {
    FileHallJournal.open(vertx, dir, "city")
        .onComplete(
            testContext.succeeding(
                journal -> {
                  Context hall = vertx.getOrCreateContext();
                  hall.runOnContext(
                      v ->
                          journal
                              .append(entries(1, 2))
                              .compose(
                                  w -> {
                                    testContext.verify(
                                        () -> assertThat(Vertx.currentContext()).isSameAs(hall));
                                    return journal.readFrom(1, 10);
                                  })
                              .compose(
                                  read -> {
                                    testContext.verify(
                                        () -> assertThat(Vertx.currentContext()).isSameAs(hall));
                                    return journal.lastSeq();
                                  })
                              .onComplete(
                                  testContext.succeeding(
                                      last ->
                                          testContext.verify(
                                              () -> {
                                                assertThat(Vertx.currentContext()).isSameAs(hall);
                                                journal
                                                    .close()
                                                    .onComplete(
                                                        testContext.succeedingThenComplete());
                                              }))));
                }));
  }

  static Future<Void> appendInBatches(HallJournal journal, long from, int count, int batch) {
    List<Future<Void>> acks = new ArrayList<>();
    for (long seq = from; seq < from + count; seq += batch) {
      acks.add(journal.append(entries(seq, (int) Math.min(batch, from + count - seq))));
    }
    return Future.all(acks).mapEmpty();
  }
}
