package cn.suixin.hall.store.redis;

import static cn.suixin.hall.store.redis.Await.await;
import static cn.suixin.hall.store.redis.Journals.entries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("Group commit on the Redis journal:")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisGroupCommitTest {

  @TempDir Path dir;

  @Test
  void a_thousand_appends_issued_at_once_take_far_fewer_script_calls(Vertx vertx) throws Exception {
    try (RedisProcess redis = RedisProcess.inMemory(dir)) {
      RedisJournalStore store = RedisJournalStore.create(vertx, redis.uri());
      await(Future.all(store.acquire("city", "node-1"), store.acquire("anju", "node-1")));
      RedisHallJournal city = (RedisHallJournal) store.journal("city");
      RedisHallJournal anju = (RedisHallJournal) store.journal("anju");
      List<Future<Void>> acks = new ArrayList<>();
      for (long seq = 1; seq <= 1000; seq++) {
        acks.add(city.append(entries(seq, 1, "city")));
        acks.add(anju.append(entries(seq, 1, "anju")));
      }
      await(Future.all(acks));

      assertThat(await(city.readFrom(1, 2000))).isEqualTo(entries(1, 1000, "city"));
      assertThat(await(anju.readFrom(1, 2000))).isEqualTo(entries(1, 1000, "anju"));
      assertThat(await(city.scriptCalls())).isBetween(1L, 100L);
      await(store.close());
    }
  }
}
