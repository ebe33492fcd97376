package cn.suixin.hall.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The file record store")
class FileRecordStoreTest {

  @TempDir Path dir;

  private static JsonObject user(String name, String role) {
    return new JsonObject().put("name", name).put("role", role);
  }

  @Test
  @DisplayName("keeps puts and removes across a reopen")
  void survives_reopen(Vertx vertx, VertxTestContext testContext) {
    FileRecordStore.open(vertx, dir)
        .compose(
            store ->
                Future.all(
                        store.put("users", "li", user("Li Wei", "clerk")),
                        store.put("users", "wang", user("Wang Fang", "guide")),
                        store.put("devices", "kiosk-1", new JsonObject().put("hall", "city")))
                    .compose(v -> store.put("users", "li", user("Li Wei", "supervisor")))
                    .compose(v -> store.remove("users", "wang"))
                    .compose(v -> store.close()))
        .compose(v -> FileRecordStore.open(vertx, dir))
        .compose(
            store ->
                Future.all(
                        store.get("users", "li"),
                        store.get("users", "wang"),
                        store.list("users"),
                        store.list("devices"),
                        store.list("nothing"))
                    .compose(
                        reads -> {
                          testContext.verify(
                              () -> {
                                assertThat(reads.<JsonObject>resultAt(0))
                                    .isEqualTo(user("Li Wei", "supervisor"));
                                assertThat(reads.<JsonObject>resultAt(1)).isNull();
                                assertThat(reads.<List<JsonObject>>resultAt(2))
                                    .containsExactly(user("Li Wei", "supervisor"));
                                assertThat(reads.<List<JsonObject>>resultAt(3)).hasSize(1);
                                assertThat(reads.<List<JsonObject>>resultAt(4)).isEmpty();
                              });
                          return store.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("stores with putIfAbsent only the first value and tells later callers what is there")
  void put_if_absent_keeps_the_first(Vertx vertx, VertxTestContext testContext) {
    JsonObject first = new JsonObject().put("ticket", "A001");
    FileRecordStore.open(vertx, dir)
        .compose(
            store ->
                Future.all(
                        store.putIfAbsent("idempotency", "req-1", first),
                        store.putIfAbsent(
                            "idempotency", "req-1", new JsonObject().put("ticket", "A002")))
                    .compose(
                        results -> {
                          testContext.verify(
                              () -> {
                                assertThat(results.<JsonObject>resultAt(0)).isNull();
                                assertThat(results.<JsonObject>resultAt(1)).isEqualTo(first);
                              });
                          return store.get("idempotency", "req-1");
                        })
                    .compose(
                        value -> {
                          testContext.verify(() -> assertThat(value).isEqualTo(first));
                          return store.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("compacts a log grown past twice its live size and keeps every live value")
  void compaction_keeps_data(Vertx vertx, VertxTestContext testContext) {
    FileRecordStore store = new FileRecordStore(vertx, dir, 0);
    List<Future<Void>> writes = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      writes.add(store.put("counters", "calls-" + (i % 5), new JsonObject().put("value", i)));
    }
    writes.add(store.put("users", "li", user("Li Wei", "clerk")));
    writes.add(store.put("users", "gone", user("Zhao", "clerk")));
    Future.all(writes)
        .compose(v -> store.remove("users", "gone"))
        .compose(
            v -> {
              testContext.verify(
                  () -> {
                    assertThat(store.compactionCount()).isPositive();
                    assertThat(Files.size(dir.resolve("records.log"))).isLessThan(2000);
                  });
              return store.close();
            })
        .compose(v -> FileRecordStore.open(vertx, dir))
        .compose(
            reopened ->
                Future.all(reopened.list("counters"), reopened.list("users"))
                    .compose(
                        reads -> {
                          testContext.verify(
                              () -> {
                                assertThat(reads.<List<JsonObject>>resultAt(0))
                                    .extracting(o -> o.getInteger("value"))
                                    .containsExactly(195, 196, 197, 198, 199);
                                assertThat(reads.<List<JsonObject>>resultAt(1))
                                    .containsExactly(user("Li Wei", "clerk"));
                              });
                          return reopened.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("lets a second store on the same folder see the first one's writes and compactions")
  void second_instance_sees_writes(Vertx vertx, VertxTestContext testContext) {
    FileRecordStore server = new FileRecordStore(vertx, dir, 0);
    FileRecordStore admin = new FileRecordStore(vertx, dir, 0);
    server
        .put("users", "li", user("Li Wei", "clerk"))
        .compose(v -> admin.get("users", "li"))
        .compose(
            seen -> {
              testContext.verify(() -> assertThat(seen).isEqualTo(user("Li Wei", "clerk")));
              return admin.put("users", "wang", user("Wang Fang", "admin"));
            })
        .compose(v -> server.putIfAbsent("users", "wang", user("Impostor", "admin")))
        .compose(
            existing -> {
              testContext.verify(() -> assertThat(existing).isEqualTo(user("Wang Fang", "admin")));
              // Overwrites past twice the live size make the admin side compact the log under the
              // server.
              List<Future<Void>> writes = new ArrayList<>();
              for (int i = 0; i < 20; i++) {
                writes.add(admin.put("users", "li", user("Li Wei", "clerk-" + i)));
              }
              return Future.all(writes);
            })
        .compose(
            v -> {
              testContext.verify(() -> assertThat(admin.compactionCount()).isPositive());
              return server.list("users");
            })
        .compose(
            users -> {
              testContext.verify(
                  () ->
                      assertThat(users)
                          .containsExactly(user("Li Wei", "clerk-19"), user("Wang Fang", "admin")));
              return server.put("devices", "kiosk-1", new JsonObject().put("hall", "city"));
            })
        .compose(v -> admin.list("devices"))
        .compose(
            devices -> {
              testContext.verify(() -> assertThat(devices).hasSize(1));
              return Future.all(server.close(), admin.close());
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("cuts a torn last record and keeps writing after it")
  void torn_record_is_cut(Vertx vertx, VertxTestContext testContext) {
    FileRecordStore.open(vertx, dir)
        .compose(
            store ->
                Future.all(
                        store.put("users", "a", user("A", "clerk")),
                        store.put("users", "b", user("B", "clerk")),
                        store.put("users", "c", user("C", "clerk")))
                    .compose(v -> store.close()))
        .compose(
            v -> {
              try (RandomAccessFile raf =
                  new RandomAccessFile(dir.resolve("records.log").toFile(), "rw")) {
                raf.setLength(raf.length() - 5);
              } catch (Exception e) {
                return Future.failedFuture(e);
              }
              return FileRecordStore.open(vertx, dir);
            })
        .compose(store -> store.put("users", "d", user("D", "clerk")).compose(v -> store.close()))
        .compose(v -> FileRecordStore.open(vertx, dir))
        .compose(
            store ->
                store
                    .list("users")
                    .compose(
                        users -> {
                          testContext.verify(
                              () ->
                                  assertThat(users)
                                      .extracting(u -> u.getString("name"))
                                      .containsExactly("A", "B", "D"));
                          return store.close();
                        }))
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("does not let a caller change a stored value by mutating its object")
  void values_are_copied(Vertx vertx, VertxTestContext testContext) {
    JsonObject value = user("Li Wei", "clerk");
    FileRecordStore.open(vertx, dir)
        .compose(
            store -> {
              Future<Void> put = store.put("users", "li", value);
              value.put("role", "admin");
              return put.compose(v -> store.get("users", "li"))
                  .compose(
                      stored -> {
                        stored.put("role", "admin");
                        return store.get("users", "li");
                      })
                  .compose(
                      stored -> {
                        testContext.verify(
                            () -> assertThat(stored.getString("role")).isEqualTo("clerk"));
                        return store.close();
                      });
            })
        .onComplete(testContext.succeedingThenComplete());
  }
}
