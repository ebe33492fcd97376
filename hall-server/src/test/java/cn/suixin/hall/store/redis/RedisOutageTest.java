package cn.suixin.hall.store.redis;

import static cn.suixin.hall.store.redis.Await.await;
import static cn.suixin.hall.store.redis.Journals.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("When Redis goes away,")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisOutageTest {

  @TempDir Path dir;

  @Test
  void calls_fail_fast_while_it_is_down_and_succeed_once_it_is_back(Vertx vertx) throws Exception {
    try (RedisProcess redis = RedisProcess.durable(dir)) {
      RedisJournalStore store = new RedisJournalStore(vertx, redis.uri(), Duration.ofSeconds(1));
      HallJournal journal = store.journal("city");
      await(store.acquire("city", "node-1"));
      await(journal.append(entries(1, 3, "before")));

      redis.kill();
      // a limit, not a speed check: the calls fail with their 1 s timeout and never hang
      Awaitility.await("the calls fail instead of hanging")
          .atMost(Duration.ofSeconds(3))
          .until(
              () -> {
                assertThatThrownBy(() -> await(journal.append(entries(4, 1, "during"))))
                    .hasCauseInstanceOf(RedisUnavailableException.class);
                assertThatThrownBy(() -> await(journal.lastSeq()))
                    .hasCauseInstanceOf(RedisUnavailableException.class);
                assertThatThrownBy(
                        () -> await(store.records().put("users", "li", new JsonObject())))
                    .hasCauseInstanceOf(RedisUnavailableException.class);
                return true;
              });
      // Time is the point: well past the timeout and the reconnects behind it, Redis is still down.
      Thread.sleep(1500);
      assertThatThrownBy(() -> await(journal.append(entries(4, 1, "during"))))
          .hasCauseInstanceOf(RedisUnavailableException.class);

      redis.start();
      await(journal.append(entries(4, 1, "after")));
      await(store.records().put("users", "li", new JsonObject().put("role", "clerk")));
      assertThat(await(journal.readFrom(1, 10)))
          .containsExactlyElementsOf(concat(entries(1, 3, "before"), entries(4, 1, "after")));
      assertThat(await(store.records().get("users", "li")))
          .isEqualTo(new JsonObject().put("role", "clerk"));
      await(store.close());
    }
  }

  @Test
  void a_wedged_redis_times_out_and_the_journal_tells_afterwards_what_landed(Vertx vertx)
      throws Exception {
    try (RedisProcess redis = RedisProcess.inMemory(dir)) {
      RedisJournalStore store = new RedisJournalStore(vertx, redis.uri(), Duration.ofSeconds(1));
      HallJournal journal = store.journal("city");
      await(store.acquire("city", "node-1"));
      await(journal.append(entries(1, 2, "before")));

      redis.pause();
      try {
        // a limit, not a speed check: the append fails with its 1 s timeout and never hangs
        Awaitility.await("the append fails instead of hanging")
            .atMost(Duration.ofSeconds(3))
            .until(
                () -> {
                  assertThatThrownBy(() -> await(journal.append(entries(3, 1, "unknown"))))
                      .hasCauseInstanceOf(RedisUnavailableException.class);
                  return true;
                });
      } finally {
        redis.resume();
      }

      // A timed-out append may still have landed: the writer trusts the journal, not the error.
      long last = await(journal.lastSeq());
      assertThat(last).isBetween(2L, 3L);
      await(journal.append(entries(last + 1, 1, "after")));
      assertThat(await(journal.lastSeq())).isEqualTo(last + 1);
      await(store.close());
    }
  }

  @Test
  void a_pause_much_longer_than_the_timeout_leaves_every_link_working_once_redis_continues(
      Vertx vertx) throws Exception {
    try (RedisProcess redis = RedisProcess.inMemory(dir)) {
      RedisJournalStore store = new RedisJournalStore(vertx, redis.uri(), Duration.ofSeconds(1));
      HallJournal journal = store.journal("city");
      await(store.acquire("city", "node-1"));
      await(journal.append(entries(1, 2, "before")));

      redis.pause();
      try {
        // Time is the point: five seconds of calls against a stopped Redis. Calls keep coming while
        // Redis is stopped, as kiosks keep asking: each times out, and so
        // does each attempt to reconnect behind it.
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < until) {
          List<Future<?>> calls =
              List.of(
                  store.ping(),
                  journal.append(entries(3, 1, "during")),
                  journal.lastSeq(),
                  store.records().get("users", "li"));
          for (Future<?> call : calls) {
            assertThatThrownBy(() -> await(call))
                .hasCauseInstanceOf(RedisUnavailableException.class);
          }
        }
      } finally {
        redis.resume();
      }

      org.awaitility.Awaitility.await("every link answers again")
          .atMost(Duration.ofSeconds(10))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                await(store.ping());
                await(store.records().put("users", "li", new JsonObject().put("role", "clerk")));
                long last = await(journal.lastSeq());
                await(journal.append(entries(last + 1, 1, "after")));
              });
      assertThat(await(store.records().get("users", "li")))
          .isEqualTo(new JsonObject().put("role", "clerk"));
      await(store.close());
    }
  }

  @Test
  void every_acknowledged_append_survives_a_restart_of_an_always_fsyncing_redis(Vertx vertx)
      throws Exception {
    try (RedisProcess redis = RedisProcess.durable(dir)) {
      RedisJournalStore store = RedisJournalStore.create(vertx, redis.uri());
      HallJournal journal = store.journal("city");
      await(store.acquire("city", "node-1"));

      AtomicLong acknowledged = new AtomicLong();
      Future<Void> writing = keepAppending(vertx, journal, acknowledged);
      Awaitility.await("300 appends acknowledged")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> acknowledged.get() >= 300);
      redis.stop(); // SIGTERM while appends are in flight
      writing.await();
      long acked = acknowledged.get();

      redis.start();
      List<JournalEntry> kept = await(journal.readFrom(1, Integer.MAX_VALUE));
      assertThat(kept.size()).isGreaterThanOrEqualTo((int) acked);
      assertThat(kept).isEqualTo(entries(1, kept.size(), "w"));
      await(store.close());
    }
  }

  /** Keeps 16 single-event appends in flight until one fails; counts the acknowledged prefix. */
  private static Future<Void> keepAppending(
      Vertx vertx, HallJournal journal, AtomicLong acknowledged) {
    Promise<Void> stopped = Promise.promise();
    vertx.runOnContext(
        v -> {
          AtomicLong next = new AtomicLong(1);
          for (int i = 0; i < 16; i++) {
            appendNext(journal, next, acknowledged, stopped);
          }
        });
    return stopped.future();
  }

  private static void appendNext(
      HallJournal journal, AtomicLong next, AtomicLong acknowledged, Promise<Void> stopped) {
    if (stopped.future().isComplete()) {
      return;
    }
    long seq = next.getAndIncrement();
    journal
        .append(entries(seq, 1, "w"))
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                acknowledged.accumulateAndGet(seq, Math::max);
                appendNext(journal, next, acknowledged, stopped);
              } else {
                stopped.tryComplete();
              }
            });
  }

  private static List<JournalEntry> concat(List<JournalEntry> a, List<JournalEntry> b) {
    return Stream.concat(a.stream(), b.stream()).toList();
  }
}
