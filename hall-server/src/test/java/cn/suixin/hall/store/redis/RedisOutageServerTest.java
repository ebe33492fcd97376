package cn.suixin.hall.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.http.ServerFixture;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hall server on a durable Redis (AOF, fsync always) that goes away for ten seconds: kiosks get
 * clear 503s with Retry-After, nothing is half-written, and when Redis is back the hall carries on
 * by itself, without a restart, with every acknowledged ticket and its numbering intact.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisOutageServerTest {
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void redis_down_for_ten_seconds_gives_503s_then_the_hall_resumes_by_itself() throws Exception {
    try (RedisProcess redis = RedisProcess.durable(Files.createDirectories(dir.resolve("redis")))) {
      ServerFixture.Builder options =
          ServerFixture.builder(dir.resolve("data")).withoutTestAccounts().redis(redis.uri());
      ServerFixture server = options.start();
      try {
        String kiosk = server.kiosk("city", "kiosk-1");
        HttpResponse<String> before = issue(server.port(), kiosk);
        assertThat(before.statusCode()).as(before.body()).isEqualTo(201);
        String firstNumber = new JsonObject(before.body()).getString("number");

        redis.kill();
        long downAt = System.nanoTime();
        List<Integer> during = new ArrayList<>();
        while (System.nanoTime() - downAt < TimeUnit.SECONDS.toNanos(10)) {
          HttpResponse<String> r = issue(server.port(), kiosk);
          during.add(r.statusCode());
          if (r.statusCode() == 503) {
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
            assertThat(new JsonObject(r.body()).getString("messageEn")).isNotBlank();
          }
          // Time is the point: a kiosk asking five times a second through the ten seconds of the
          // outage.
          Thread.sleep(200);
        }
        assertThat(during).as("while Redis is down").isNotEmpty().containsOnly(503);

        redis.start();
        long upAt = System.nanoTime();
        HttpResponse<String> after =
            Awaitility.await("a ticket after Redis returned")
                .atMost(Duration.ofSeconds(30))
                .pollDelay(Duration.ofMillis(200))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> issue(server.port(), kiosk), r -> r.statusCode() == 201);
        assertThat(after.statusCode()).as("after Redis returned: %s", after.body()).isEqualTo(201);
        String nextNumber = new JsonObject(after.body()).getString("number");
        assertThat(Integer.parseInt(nextNumber.substring(1)))
            .isGreaterThan(Integer.parseInt(firstNumber.substring(1)));
        String link = new JsonObject(before.body()).getString("followUrl");
        HttpResponse<String> first =
            get(
                server.port(),
                "/api/v1/halls/city/tickets/"
                    + new JsonObject(before.body()).getString("id")
                    + link.substring(link.indexOf('?')));
        assertThat(first.statusCode()).isEqualTo(200);
        System.out.printf(
            "Redis outage: %d requests answered 503 in 10 s; serving again %d ms after Redis restarted%n",
            during.size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - upAt));
      } finally {
        server.close();
      }
    }
  }

  private HttpResponse<String> issue(int port, String kiosk) throws Exception {
    return http.send(
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/halls/city/tickets"))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + kiosk)
            .POST(HttpRequest.BodyPublishers.ofString("{\"matter\":\"EE-PASSPORT\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
