package cn.suixin.hall.store.redis;

import static cn.suixin.hall.store.redis.Await.await;
import static cn.suixin.hall.store.redis.Journals.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.store.HallJournal;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * XADD inside one script is all or nothing, so a stream has no torn tail: any entry that is not
 * what the writer wrote, wherever it is, means the stream was damaged, and reading refuses.
 */
@ExtendWith(VertxExtension.class)
@DisplayName("A hall's Redis stream")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisStreamDamageTest {

  @TempDir Path dir;

  @Test
  void with_a_byte_flipped_in_an_event_in_the_middle_is_refused_naming_the_entry(Vertx vertx)
      throws Exception {
    assertRefused(vertx, 4, StreamSurgery::flipped, "entry 4-0", "expected seq 4");
  }

  @Test
  void with_an_entry_gone_from_the_middle_is_refused_naming_the_gap(Vertx vertx) throws Exception {
    assertRefused(vertx, 4, entry -> null, "expected seq 4", "found 5-0");
  }

  @Test
  void with_its_last_entry_damaged_is_refused_too(Vertx vertx) throws Exception {
    assertRefused(vertx, 10, StreamSurgery::flipped, "entry 10-0", "expected seq 10");
  }

  private void assertRefused(
      Vertx vertx,
      long seq,
      java.util.function.UnaryOperator<StreamSurgery.Entry> damage,
      String... told)
      throws Exception {
    try (RedisProcess redis = RedisProcess.inMemory(dir)) {
      RedisJournalStore store = RedisJournalStore.create(vertx, redis.uri());
      HallJournal journal = store.journal("city");
      await(store.acquire("city", "node-1"));
      await(journal.append(entries(1, 10, "w")));
      StreamSurgery.change(redis.uri(), "city", seq, damage);

      assertThatThrownBy(() -> await(journal.readFrom(1, 100)))
          .rootCause()
          .hasMessageContaining("{hall:city}:events")
          .hasMessageContaining("journal repair --hall city")
          .satisfies(t -> assertThat(t.getMessage()).contains(told));
      assertThat(await(store.journal("city").readFrom(1, (int) seq - 1)))
          .as("what comes before stays readable")
          .isEqualTo(entries(1, (int) seq - 1, "w"));
      await(store.close());
    }
  }
}
