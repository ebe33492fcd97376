package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.LogCapture;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watchdog of one hall owner, with a 300 ms threshold: a command held up by its journal append
 * makes the hall stalled (gauges, one ERROR line) until the append completes, and an owner that
 * stops takes its gauges with it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PendingWatchTest {
  private static final HallConfig CITY =
      new ConfigLoader()
          .load(Path.of("..", "config")).halls().stream()
              .filter(h -> h.id().value().equals("city"))
              .findFirst()
              .orElseThrow()
              .alwaysOpen();

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    result(vertx.close());
  }

  @Test
  void a_held_append_stalls_the_hall_once_and_it_clears_when_the_append_completes()
      throws Exception {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    PendingWatches watches = new PendingWatches(registry, Duration.ofMillis(300));
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    HeldJournal journal = new HeldJournal(store.journal("city"));
    String owner =
        result(
            vertx.deployVerticle(
                new HallVerticle(
                    CITY,
                    journal,
                    store.snapshots("city"),
                    0,
                    Clock.systemUTC(),
                    registry,
                    watches)));
    assertThat(
            issue()
                .toCompletionStage()
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS)
                .body()
                .getBoolean("ok"))
        .isTrue();
    assertThat(gauge(registry, "suixin_hall_stalled")).isEqualTo(0);
    assertThat(gauge(registry, "suixin_hall_oldest_pending_seconds")).isEqualTo(0);

    try (LogCapture log = LogCapture.of(PendingWatch.class)) {
      journal.hold();
      Future<Message<JsonObject>> held = issue();
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> watches.stalled().containsKey("city"));
      assertThat(gauge(registry, "suixin_hall_stalled")).isEqualTo(1);
      // the owner's own timer has looked again since: still one alert for the one stall
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> gauge(registry, "suixin_hall_oldest_pending_seconds") > 1.5);
      assertThat(log.lines().stream().filter(l -> l.startsWith("hall city stalled"))).hasSize(1);

      journal.release();
      assertThat(
              held.toCompletionStage()
                  .toCompletableFuture()
                  .get(10, TimeUnit.SECONDS)
                  .body()
                  .getBoolean("ok"))
          .isTrue();
      assertThat(watches.stalled()).isEmpty();
      assertThat(gauge(registry, "suixin_hall_stalled")).isEqualTo(0);
      assertThat(gauge(registry, "suixin_hall_oldest_pending_seconds")).isEqualTo(0);
      assertThat(log.lines()).anyMatch(l -> l.startsWith("hall city answers again"));
    }
    result(vertx.undeploy(owner));
    assertThat(registry.find("suixin_hall_stalled").gauge()).as("gone with its owner").isNull();
  }

  private Future<Message<JsonObject>> issue() {
    return vertx
        .eventBus()
        .request(
            Addresses.commands("city"),
            new JsonObject().put("type", "issue").put("matter", "EE-PASSPORT"),
            new DeliveryOptions().setSendTimeout(10_000));
  }

  private static double gauge(SimpleMeterRegistry registry, String name) {
    Gauge g = registry.find(name).tag("hall", "city").gauge();
    assertThat(g).as(name).isNotNull();
    return g.value();
  }

  private static <T> T result(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
