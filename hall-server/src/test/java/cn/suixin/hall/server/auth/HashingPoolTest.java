package cn.suixin.hall.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Password hashing has threads of its own and a bounded queue: a flood is refused, not queued
 * forever.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HashingPoolTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void
      with_its_thread_busy_and_its_queue_full_a_login_is_refused_at_once_then_taken_again_once_free()
          throws Exception {
    HashingPool pool =
        new HashingPool(
            vertx,
            new LoginRules(
                3,
                10,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                10,
                Duration.ofMinutes(15),
                1,
                1));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch running = new CountDownLatch(1);
    Future<String> first =
        pool.submit(
            () -> {
              running.countDown();
              release.await(30, TimeUnit.SECONDS);
              return Thread.currentThread().getName();
            });
    assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
    Future<String> queued = pool.submit(() -> "queued");
    Future<String> refused = pool.submit(() -> "never");

    assertThat(refused.failed()).as("refused at once, not after a wait").isTrue();
    assertThat(refused.cause())
        .isInstanceOfSatisfying(
            LoginRefused.class,
            r -> {
              assertThat(r.reason()).isEqualTo(LoginRefused.Reason.BUSY);
              assertThat(r.retryAfterSeconds()).isPositive();
            });
    assertThat(pool.inFlight()).isEqualTo(2);
    release.countDown();
    assertThat(get(first))
        .as("not a thread of the shared worker pool")
        .startsWith("suixin-password-hashing");
    assertThat(get(queued)).isEqualTo("queued");
    assertThat(get(pool.submit(() -> "again"))).isEqualTo("again");
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
