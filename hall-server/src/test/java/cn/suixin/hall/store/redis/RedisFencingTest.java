package cn.suixin.hall.store.redis;

import static cn.suixin.hall.store.redis.Await.await;
import static cn.suixin.hall.store.redis.Journals.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.store.FencedOffException;
import cn.suixin.hall.store.HallJournal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Fencing of a hall's Redis journal:")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisFencingTest {

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

  @Test
  void a_writer_whose_hall_was_taken_over_can_never_append_again(Vertx vertx) throws Exception {
    RedisJournalStore nodeA = RedisJournalStore.create(vertx, redis.uri());
    RedisJournalStore nodeB = RedisJournalStore.create(vertx, redis.uri());
    HallJournal a = nodeA.journal("city");
    HallJournal b = nodeB.journal("city");

    long tokenA = await(nodeA.acquire("city", "node-a"));
    await(a.append(entries(1, 2, "A")));
    long tokenB = await(nodeB.acquire("city", "node-b"));
    assertThat(tokenB).isGreaterThan(tokenA);

    assertThatThrownBy(() -> await(a.append(entries(3, 1, "A"))))
        .hasCauseInstanceOf(FencedOffException.class);
    await(b.append(entries(3, 2, "B")));
    assertThatThrownBy(() -> await(a.append(entries(5, 1, "A"))))
        .hasCauseInstanceOf(FencedOffException.class);

    assertThat(await(b.readFrom(1, 100)))
        .containsExactly(
            Journals.entry(1, "A"),
            Journals.entry(2, "A"),
            Journals.entry(3, "B"),
            Journals.entry(4, "B"));
    assertThat(redis.command("HGET", "{hall:city}:owner", "token"))
        .isEqualTo(String.valueOf(tokenB));
    await(nodeA.close());
    await(nodeB.close());
  }

  @Test
  void the_old_owner_taking_the_hall_back_fences_off_the_new_one(Vertx vertx) throws Exception {
    RedisJournalStore nodeA = RedisJournalStore.create(vertx, redis.uri());
    RedisJournalStore nodeB = RedisJournalStore.create(vertx, redis.uri());
    await(nodeA.acquire("city", "node-a"));
    await(nodeB.acquire("city", "node-b"));
    await(nodeB.journal("city").append(entries(1, 1, "B")));
    await(nodeA.acquire("city", "node-a"));

    assertThatThrownBy(() -> await(nodeB.journal("city").append(entries(2, 1, "B"))))
        .hasCauseInstanceOf(FencedOffException.class);
    await(nodeA.journal("city").append(entries(2, 1, "A")));
    assertThat(await(nodeA.journal("city").lastSeq())).isEqualTo(2L);
    await(nodeA.close());
    await(nodeB.close());
  }

  @Test
  void a_node_that_never_acquired_the_hall_cannot_append(Vertx vertx) throws Exception {
    RedisJournalStore node = RedisJournalStore.create(vertx, redis.uri());
    assertThatThrownBy(() -> await(node.journal("city").append(entries(1, 1, "X"))))
        .hasCauseInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has not acquired hall city");
    assertThat(await(node.journal("city").lastSeq())).isZero();
    await(node.close());
  }

  @Test
  void a_stale_token_is_refused_by_the_script_itself(Vertx vertx) throws Exception {
    RedisJournalStore node = RedisJournalStore.create(vertx, redis.uri());
    await(node.acquire("city", "node-a"));
    // Another node's takeover done by hand, straight in Redis, behind this store's back.
    redis.command("HSET", "{hall:city}:owner", "token", "99", "node", "node-z");

    assertThatThrownBy(() -> await(node.journal("city").append(entries(1, 1, "A"))))
        .hasCauseInstanceOf(FencedOffException.class)
        .hasMessageContaining("owned by token 99");
    assertThat(redis.command("EXISTS", "{hall:city}:events")).isEqualTo(":0");
    await(node.close());
  }
}
