package cn.suixin.hall.store;

import static cn.suixin.hall.store.SnapshotFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every {@link JournalStore} promises, whatever keeps the bytes: run once per implementation
 * by a subclass that says how to open a store and how to take a hall before writing to it.
 */
@ExtendWith(VertxExtension.class)
public abstract class JournalStoreContract {

  /** A store over the same backing data every time it is called within one test. */
  protected abstract JournalStore open(Vertx vertx);

  /** Whatever a node must do before it may append to a hall's journal. */
  protected Future<Void> own(JournalStore store, String hallId) {
    return Future.succeededFuture();
  }

  protected static List<JournalEntry> entries(long from, int count) {
    return JournalFixtures.entries(from, count);
  }

  private static JsonObject user(String name, String role) {
    return new JsonObject().put("name", name).put("role", role);
  }

  @Test
  @DisplayName("reads back what was appended, in order, from any seq")
  public void reads_back_appended_entries(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallJournal journal = store.journal("city");
    own(store, "city")
        .compose(v -> Future.all(journal.lastSeq(), journal.readFrom(1, 10)))
        .compose(
            empty -> {
              testContext.verify(
                  () -> {
                    assertThat(empty.<Long>resultAt(0)).isZero();
                    assertThat(empty.<List<JournalEntry>>resultAt(1)).isEmpty();
                  });
              return journal.append(entries(1, 3));
            })
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
                    assertThat(reads.<List<JournalEntry>>resultAt(0)).isEqualTo(entries(2, 4));
                    assertThat(reads.<List<JournalEntry>>resultAt(1)).isEqualTo(entries(1, 2));
                    assertThat(reads.<List<JournalEntry>>resultAt(2)).isEmpty();
                    assertThat(reads.<Long>resultAt(3)).isEqualTo(5L);
                  });
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("refuses a batch that does not continue the journal and keeps nothing of it")
  public void refuses_gaps(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallJournal journal = store.journal("city");
    own(store, "city")
        .compose(v -> journal.append(entries(2, 1)))
        .transform(
            ar -> {
              testContext.verify(
                  () -> assertThat(ar.cause()).isInstanceOf(IllegalArgumentException.class));
              return journal.append(List.of(JournalFixtures.entry(1), JournalFixtures.entry(3)));
            })
        .transform(
            ar -> {
              testContext.verify(
                  () -> assertThat(ar.cause()).isInstanceOf(IllegalArgumentException.class));
              return journal.append(entries(1, 2));
            })
        .compose(v -> journal.append(entries(2, 1)))
        .transform(
            ar -> {
              testContext.verify(
                  () -> assertThat(ar.cause()).isInstanceOf(IllegalArgumentException.class));
              return Future.all(journal.lastSeq(), journal.readFrom(1, 10));
            })
        .compose(
            reads -> {
              testContext.verify(
                  () -> {
                    assertThat(reads.<Long>resultAt(0)).isEqualTo(2L);
                    assertThat(reads.<List<JournalEntry>>resultAt(1)).isEqualTo(entries(1, 2));
                  });
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("acknowledges a thousand appends issued at once, all in order")
  public void concurrent_appends_keep_their_order(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallJournal journal = store.journal("city");
    own(store, "city")
        .compose(
            v -> {
              List<Future<Void>> acks = new ArrayList<>();
              for (long seq = 1; seq <= 1000; seq++) {
                acks.add(journal.append(List.of(JournalFixtures.entry(seq))));
              }
              return Future.all(acks);
            })
        .compose(v -> journal.readFrom(1, 2000))
        .compose(
            read -> {
              testContext.verify(() -> assertThat(read).isEqualTo(entries(1, 1000)));
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("reads a long journal back whole and in pages")
  public void reads_long_journals(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallJournal journal = store.journal("city");
    own(store, "city")
        .compose(
            v -> {
              List<Future<Void>> acks = new ArrayList<>();
              for (long seq = 1; seq <= 25_000; seq += 500) {
                acks.add(journal.append(entries(seq, 500)));
              }
              return Future.all(acks);
            })
        .compose(
            v ->
                Future.all(
                    journal.readFrom(1, Integer.MAX_VALUE), journal.readFrom(10_001, 12_000)))
        .compose(
            reads -> {
              testContext.verify(
                  () -> {
                    assertThat(reads.<List<JournalEntry>>resultAt(0)).isEqualTo(entries(1, 25_000));
                    assertThat(reads.<List<JournalEntry>>resultAt(1))
                        .isEqualTo(entries(10_001, 12_000));
                  });
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("answers every caller on the caller's own context")
  public void completes_on_the_callers_context(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    Context hall = vertx.getOrCreateContext();
    hall.runOnContext(
        v -> {
          HallJournal journal = store.journal("city");
          own(store, "city")
              .compose(w -> journal.append(entries(1, 2)))
              .compose(
                  w -> {
                    testContext.verify(() -> assertThat(Vertx.currentContext()).isSameAs(hall));
                    return journal.readFrom(1, 10);
                  })
              .compose(
                  read -> {
                    testContext.verify(() -> assertThat(Vertx.currentContext()).isSameAs(hall));
                    return store.records().put("users", "li", user("Li Wei", "clerk"));
                  })
              .compose(
                  w -> {
                    testContext.verify(() -> assertThat(Vertx.currentContext()).isSameAs(hall));
                    return journal.lastSeq();
                  })
              .onComplete(
                  testContext.succeeding(
                      last ->
                          testContext.verify(
                              () -> {
                                assertThat(Vertx.currentContext()).isSameAs(hall);
                                store.close().onComplete(testContext.succeedingThenComplete());
                              })));
        });
  }

  @Test
  @DisplayName("refuses appends to a closed journal and hands out a fresh one that continues it")
  public void closed_journal_is_replaced(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallJournal first = store.journal("city");
    own(store, "city")
        .compose(v -> first.append(entries(1, 3)))
        .compose(v -> first.close())
        .compose(v -> first.append(entries(4, 1)))
        .transform(
            ar -> {
              testContext.verify(
                  () -> assertThat(ar.cause()).isInstanceOf(IllegalStateException.class));
              HallJournal second = store.journal("city");
              testContext.verify(() -> assertThat(second).isNotSameAs(first));
              return second.append(entries(4, 1)).compose(w -> second.lastSeq());
            })
        .compose(
            last -> {
              testContext.verify(() -> assertThat(last).isEqualTo(4L));
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("keeps each hall's journal apart and everything across a reopen of the store")
  public void halls_are_apart_and_survive_reopen(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    Future.all(own(store, "city"), own(store, "anju"))
        .compose(
            v ->
                Future.all(
                    store.journal("city").append(entries(1, 3)),
                    store.journal("anju").append(entries(1, 1))))
        .compose(v -> store.close())
        .compose(
            v -> {
              JournalStore reopened = open(vertx);
              return own(reopened, "city")
                  .compose(w -> reopened.journal("city").append(entries(4, 1)))
                  .compose(
                      w ->
                          Future.all(
                              reopened.journal("city").readFrom(1, 100),
                              reopened.journal("anju").readFrom(1, 100)))
                  .compose(
                      reads -> {
                        testContext.verify(
                            () -> {
                              assertThat(reads.<List<JournalEntry>>resultAt(0))
                                  .isEqualTo(entries(1, 4));
                              assertThat(reads.<List<JournalEntry>>resultAt(1))
                                  .isEqualTo(entries(1, 1));
                            });
                        return reopened.close();
                      });
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("has no snapshot of a hall that never saved one")
  public void no_snapshot_is_null(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    store
        .snapshots("city")
        .latest()
        .compose(
            latest -> {
              testContext.verify(() -> assertThat(latest).isNull());
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("returns a saved snapshot with its seq and image byte for byte")
  public void saved_snapshot_reads_back(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallSnapshot saved = snapshot(42, 1000);
    store
        .snapshots("city")
        .save(saved)
        .compose(v -> store.snapshots("city").latest())
        .compose(
            latest -> {
              testContext.verify(
                  () -> {
                    assertThat(latest.seq()).isEqualTo(42L);
                    assertThat(latest.image()).isEqualTo(saved.image());
                  });
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("keeps a snapshot of several megabytes whole")
  public void large_snapshot_reads_back(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallSnapshot saved = snapshot(90_000, 12 * 1024 * 1024);
    store
        .snapshots("city")
        .save(saved)
        .compose(v -> store.snapshots("city").latest())
        .compose(
            latest -> {
              testContext.verify(() -> assertThat(latest).isEqualTo(saved));
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName(
      "replaces the snapshot by the next one saved, and keeps the last of saves sent at once")
  public void later_saves_replace_earlier_ones(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallSnapshots snapshots = store.snapshots("city");
    snapshots
        .save(snapshot(10, 5000))
        .compose(v -> snapshots.save(snapshot(20, 3000)))
        .compose(v -> snapshots.latest())
        .compose(
            latest -> {
              testContext.verify(() -> assertThat(latest).isEqualTo(snapshot(20, 3000)));
              List<Future<Void>> saves = new ArrayList<>();
              for (long seq = 21; seq <= 30; seq++) {
                saves.add(snapshots.save(snapshot(seq, 200_000 - (int) seq * 1000)));
              }
              return Future.all(saves);
            })
        .compose(v -> snapshots.latest())
        .compose(
            latest -> {
              testContext.verify(() -> assertThat(latest).isEqualTo(snapshot(30, 170_000)));
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("keeps each hall's snapshot apart, an empty image too")
  public void snapshots_of_halls_are_apart(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallSnapshot city = snapshot(7, 4000);
    HallSnapshot anju = new HallSnapshot(3, new byte[0]);
    Future.all(store.snapshots("city").save(city), store.snapshots("anju").save(anju))
        .compose(
            v ->
                Future.all(
                    store.snapshots("city").latest(),
                    store.snapshots("anju").latest(),
                    store.snapshots("chuanshan").latest()))
        .compose(
            reads -> {
              testContext.verify(
                  () -> {
                    assertThat(reads.<HallSnapshot>resultAt(0)).isEqualTo(city);
                    assertThat(reads.<HallSnapshot>resultAt(1)).isEqualTo(anju);
                    assertThat(reads.<HallSnapshot>resultAt(2)).isNull();
                  });
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("still has the snapshot after the store is reopened")
  public void snapshot_survives_reopen(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    HallSnapshot saved = snapshot(15, 64 * 1024);
    store
        .snapshots("city")
        .save(saved)
        .compose(v -> store.close())
        .compose(
            v -> {
              JournalStore reopened = open(vertx);
              return reopened
                  .snapshots("city")
                  .latest()
                  .compose(
                      latest -> {
                        testContext.verify(() -> assertThat(latest).isEqualTo(saved));
                        return reopened.close();
                      });
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("answers snapshot calls on the caller's own context")
  public void snapshots_complete_on_the_callers_context(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    Context hall = vertx.getOrCreateContext();
    hall.runOnContext(
        v ->
            store
                .snapshots("city")
                .save(snapshot(1, 100))
                .compose(
                    w -> {
                      testContext.verify(() -> assertThat(Vertx.currentContext()).isSameAs(hall));
                      return store.snapshots("city").latest();
                    })
                .onComplete(
                    testContext.succeeding(
                        latest ->
                            testContext.verify(
                                () -> {
                                  assertThat(Vertx.currentContext()).isSameAs(hall);
                                  assertThat(latest).isEqualTo(snapshot(1, 100));
                                  store.close().onComplete(testContext.succeedingThenComplete());
                                }))));
  }

  @Test
  @DisplayName("stores, lists in first-written order, overwrites and removes records")
  public void records_put_get_list_remove(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    RecordStore records = store.records();
    records
        .put("users", "wang", user("Wang Fang", "guide"))
        .compose(v -> records.put("users", "li", user("Li Wei", "clerk")))
        .compose(v -> records.put("users", "zhao", user("Zhao Lei", "clerk")))
        .compose(v -> records.put("users", "wang", user("Wang Fang", "supervisor")))
        .compose(v -> records.put("devices", "kiosk-1", new JsonObject().put("hall", "city")))
        .compose(v -> records.remove("users", "li"))
        .compose(v -> records.remove("users", "nobody"))
        .compose(
            v ->
                Future.all(
                    records.get("users", "wang"),
                    records.get("users", "li"),
                    records.list("users"),
                    records.list("devices"),
                    records.list("nothing")))
        .compose(
            reads -> {
              testContext.verify(
                  () -> {
                    assertThat(reads.<JsonObject>resultAt(0))
                        .isEqualTo(user("Wang Fang", "supervisor"));
                    assertThat(reads.<JsonObject>resultAt(1)).isNull();
                    assertThat(reads.<List<JsonObject>>resultAt(2))
                        .containsExactly(
                            user("Wang Fang", "supervisor"), user("Zhao Lei", "clerk"));
                    assertThat(reads.<List<JsonObject>>resultAt(3)).hasSize(1);
                    assertThat(reads.<List<JsonObject>>resultAt(4)).isEmpty();
                  });
              return store.close();
            })
        .compose(
            v -> {
              JournalStore reopened = open(vertx);
              return reopened
                  .records()
                  .list("users")
                  .compose(
                      users -> {
                        testContext.verify(
                            () ->
                                assertThat(users)
                                    .containsExactly(
                                        user("Wang Fang", "supervisor"),
                                        user("Zhao Lei", "clerk")));
                        return reopened.close();
                      });
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("stores with putIfAbsent only the first value and tells later callers what is there")
  public void put_if_absent_keeps_the_first(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    RecordStore records = store.records();
    JsonObject first = new JsonObject().put("ticket", "A001");
    Future.all(
            records.putIfAbsent("idempotency", "req-1", first),
            records.putIfAbsent("idempotency", "req-1", new JsonObject().put("ticket", "A002")))
        .compose(
            results -> {
              testContext.verify(
                  () -> {
                    assertThat(results.<JsonObject>resultAt(0)).isNull();
                    assertThat(results.<JsonObject>resultAt(1)).isEqualTo(first);
                  });
              return Future.all(records.get("idempotency", "req-1"), records.list("idempotency"));
            })
        .compose(
            reads -> {
              testContext.verify(
                  () -> {
                    assertThat(reads.<JsonObject>resultAt(0)).isEqualTo(first);
                    assertThat(reads.<List<JsonObject>>resultAt(1)).containsExactly(first);
                  });
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("does not let a caller change a stored value by mutating its object")
  public void values_are_copied(Vertx vertx, VertxTestContext testContext) {
    JournalStore store = open(vertx);
    RecordStore records = store.records();
    JsonObject value = user("Li Wei", "clerk");
    Future<Void> put = records.put("users", "li", value);
    value.put("role", "admin");
    put.compose(v -> records.get("users", "li"))
        .compose(
            stored -> {
              stored.put("role", "admin");
              return records.get("users", "li");
            })
        .compose(
            stored -> {
              testContext.verify(() -> assertThat(stored.getString("role")).isEqualTo("clerk"));
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }
}
