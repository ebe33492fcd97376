package cn.suixin.hall.store.redis;

import static cn.suixin.hall.store.SnapshotFixtures.snapshot;
import static cn.suixin.hall.store.redis.Await.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.store.HallSnapshots;
import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.JournalStoreContract;
import cn.suixin.hall.store.LogCapture;
import cn.suixin.hall.store.SnapshotFrame;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The Redis store, held to the store contract,")
class RedisJournalStoreContractTest extends JournalStoreContract {

  @TempDir static Path dir;

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

  /** Cases only Redis has; they share the Redis started for the contract. */
  @Nested
  @DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
  class The_snapshot_key {

    private static final String KEY = "{hall:city}:snapshot";

    @Test
    void is_one_string_per_hall_holding_the_framed_image(Vertx vertx) throws Exception {
      RedisJournalStore store = RedisJournalStore.create(vertx, redis.uri());
      await(store.snapshots("city").save(snapshot(12, 1000)));

      assertThat(redis.command("TYPE", KEY)).isEqualTo("+string");
      assertThat(redis.command("STRLEN", KEY)).isEqualTo(":" + (SnapshotFrame.HEADER + 1000));
      assertThat(redis.command("GETRANGE", KEY, "0", "5")).isEqualTo("SXSNAP");
      await(store.close());
    }

    @Test
    void is_ignored_with_a_warning_when_damaged_and_the_next_save_replaces_it(Vertx vertx)
        throws Exception {
      RedisJournalStore store = RedisJournalStore.create(vertx, redis.uri());
      HallSnapshots snapshots = store.snapshots("city");
      await(snapshots.save(snapshot(12, 1000)));
      int flipped = SnapshotFrame.HEADER + 500;
      String other = snapshot(12, 1000).image()[500] == '~' ? "!" : "~";

      try (LogCapture log = LogCapture.of(RedisHallSnapshots.class)) {
        redis.command("SETRANGE", KEY, String.valueOf(flipped), other);
        assertThat(await(snapshots.latest())).isNull();
        redis.command("SET", KEY, "not-a-snapshot");
        assertThat(await(snapshots.latest())).isNull();
        assertThat(log.warnings()).hasSize(2);
        assertThat(log.warnings().get(0)).contains("hall city", KEY, "image checksum");
        assertThat(log.warnings().get(1))
            .contains("hall city", KEY, "shorter than the 24-byte header");
      }
      await(snapshots.save(snapshot(20, 1000)));
      assertThat(await(snapshots.latest())).isEqualTo(snapshot(20, 1000));
      await(store.close());
    }

    @Test
    void cannot_be_saved_or_read_with_redis_out_of_reach(Vertx vertx) throws Exception {
      RedisJournalStore store =
          new RedisJournalStore(vertx, "redis://127.0.0.1:" + unusedPort(), Duration.ofMillis(500));
      HallSnapshots snapshots = store.snapshots("city");

      assertThatThrownBy(() -> await(snapshots.save(snapshot(12, 1000))))
          .hasCauseInstanceOf(RedisUnavailableException.class);
      assertThatThrownBy(() -> await(snapshots.latest()))
          .hasCauseInstanceOf(RedisUnavailableException.class);
      await(store.close());
    }
  }

  private static int unusedPort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
