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
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A hall server on the Redis store")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisHallServerTest {

  @TempDir Path dir;

  @Test
  void owns_every_hall_and_a_restarted_server_continues_from_the_streams() throws Exception {
    Path redisDir = Files.createDirectories(dir.resolve("redis"));
    try (RedisProcess redis = RedisProcess.inMemory(redisDir)) {
      ServerFixture.Builder options =
          ServerFixture.builder(dir.resolve("data")).withoutTestAccounts().redis(redis.uri());
      ServerFixture first = options.start();
      String kiosk = first.kiosk("city", "kiosk-1");
      JsonObject ticket1 = issue(first.port(), kiosk);
      assertThat(redis.command("HGET", "{hall:city}:owner", "token")).isEqualTo("1");
      assertThat(redis.command("HGET", "{hall:hedong}:owner", "token")).isEqualTo("1");
      assertThat(redis.command("XLEN", "{hall:city}:events")).isNotEqualTo(":0");
      first.close();

      ServerFixture second = options.start();
      try {
        assertThat(redis.command("HGET", "{hall:city}:owner", "token")).isEqualTo("2");
        JsonObject ticket2 = issue(second.port(), kiosk);
        assertThat(ticket2.getString("id")).isNotEqualTo(ticket1.getString("id"));
        assertThat(ticket2.getString("number")).isNotEqualTo(ticket1.getString("number"));
      } finally {
        second.close();
      }
    }
  }

  private static JsonObject issue(int port, String kioskToken) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/halls/city/tickets"))
            .header("Authorization", "Bearer " + kioskToken)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new JsonObject().put("matter", "EE-PASSPORT").encode()))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }
}
