package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.JournalStoreContract;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Redis store, held to the store contract,")
class RedisJournalStoreContractTest extends JournalStoreContract {

  @TempDir
  static Path dir;

  private static RedisProcess redis;

  @BeforeAll
  static void start_redis() throws Exception {
    redis = RedisProcess.inMemory(dir);
  }

  @AfterAll
  static void stop_redis() throws Exception {
    redis.close();
  }

  @BeforeEach
  void forget_everything() throws Exception {
    redis.command("FLUSHALL");
  }

  @Override
  protected JournalStore open(Vertx vertx) {
    return RedisJournalStore.create(vertx, redis.uri());
  }

  @Override
  protected Future<Void> own(JournalStore store, String hallId) {
    return ((RedisJournalStore) store).acquire(hallId, "node-1").mapEmpty();
  }
}
