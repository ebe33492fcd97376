package cn.suixin.hall.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.redis.RedisJournalStore;
import cn.suixin.hall.store.redis.RedisProcess;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one Redis, each with its own Vert.x, store client and login counts: an account
 * locked on one is locked on the other, and unlocked on both by either. The rules make every
 * failure free of waits and lock after three, so no clock is needed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LockoutAcrossNodesTest {
  private static final LoginRules QUICK =
      new LoginRules(
          100, 100, Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofMinutes(15), 1, 4);
  private static final char[] RIGHT = "the-right-password".toCharArray();

  @TempDir Path dir;

  @Test
  void an_account_locked_on_one_node_is_locked_on_the_other_until_either_unlocks_it()
      throws Exception {
    try (RedisProcess redis =
        RedisProcess.inMemory(Files.createDirectories(dir.resolve("redis")))) {
      Vertx vertxA = Vertx.vertx();
      Vertx vertxB = Vertx.vertx();
      JournalStore storeA =
          new RedisJournalStore(vertxA, redis.uri(), RedisJournalStore.DEFAULT_TIMEOUT);
      JournalStore storeB =
          new RedisJournalStore(vertxB, redis.uri(), RedisJournalStore.DEFAULT_TIMEOUT);
      try {
        Accounts nodeA =
            new Accounts(
                vertxA, storeA.records(), Clock.systemUTC(), QUICK, new SimpleMeterRegistry());
        Accounts nodeB =
            new Accounts(
                vertxB, storeB.records(), Clock.systemUTC(), QUICK, new SimpleMeterRegistry());
        await(nodeA.addUser("shared", Role.GUIDE, "city", "G-1", "共用", RIGHT.clone()));
        assertThat(refusal(nodeA.login("shared", "wrong-1".toCharArray(), "192.0.2.1")))
            .isEqualTo(LoginRefused.Reason.BAD_CREDENTIALS);
        assertThat(refusal(nodeA.login("shared", "wrong-2".toCharArray(), "192.0.2.1")))
            .isEqualTo(LoginRefused.Reason.BAD_CREDENTIALS);
        assertThat(refusal(nodeA.login("shared", "wrong-3".toCharArray(), "192.0.2.1")))
            .isEqualTo(LoginRefused.Reason.LOCKED);

        assertThat(refusal(nodeB.login("shared", RIGHT.clone(), "192.0.2.2")))
            .as("on the other node")
            .isEqualTo(LoginRefused.Reason.LOCKED);
        assertThat(await(nodeB.unlock("shared"))).isTrue();
        assertThat(await(nodeA.login("shared", RIGHT.clone(), "192.0.2.1")).getString("token"))
            .isNotBlank();
      } finally {
        await(storeA.close());
        await(storeB.close());
        await(vertxA.close());
        await(vertxB.close());
      }
    }
  }

  private static LoginRefused.Reason refusal(Future<?> login) throws Exception {
    try {
      login.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof LoginRefused r) {
        return r.reason();
      }
      throw e;
    }
    throw new AssertionError("the login succeeded");
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
