package cn.suixin.hall.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.store.redis.RedisProcess;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node on a real Redis that goes away: /ready says 503 naming the store while Redis does not
 * answer (so a load balancer sends kiosks elsewhere), /health stays 200, and /ready is 200 again by
 * itself once Redis is back.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StoreReadinessTest {
  @TempDir Path dir;

  @Test
  void ready_is_503_naming_the_store_while_redis_is_down_and_200_again_after() throws Exception {
    try (RedisProcess redis = RedisProcess.durable(Files.createDirectories(dir.resolve("redis")))) {
      ServerFixture server =
          ServerFixture.builder(dir.resolve("data"))
              .withoutTestAccounts()
              .redis(redis.uri())
              .start();
      try {
        OpsClient ops = new OpsClient(server.port());
        OpsClient.Reply up = ops.get("/ready");
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.json().getJsonObject("checks").fieldNames())
            .containsExactlyInAnyOrder("started", "store", "halls", "pending");

        redis.stop();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ops.get("/ready").status() == 503);
        JsonObject down = ops.get("/ready").json();
        assertThat(down.getJsonArray("failed")).as(down.encode()).containsExactly("store");
        assertThat(down.getJsonObject("checks").getJsonObject("store").getString("detail"))
            .isNotBlank();
        assertThat(ops.get("/health").status()).isEqualTo(200);

        redis.start();
        Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ops.get("/ready").status() == 200);
      } finally {
        server.close();
      }
    }
  }
}
