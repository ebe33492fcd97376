package cn.suixin.hall.store.redis;

import static cn.suixin.hall.store.redis.Await.await;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("A hall server on the Redis store")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisHallServerTest {

  @TempDir
  Path dir;

  @Test
  void owns_every_hall_and_a_restarted_server_continues_from_the_streams() throws Exception {
    Path redisDir = Files.createDirectories(dir.resolve("redis"));
    try (RedisProcess redis = RedisProcess.inMemory(redisDir)) {
      ServerOptions options = new ServerOptions(Path.of("..", "config"), dir.resolve("data"), 0, true,
          "redis", redis.uri(), null);
      HallServer first = await(HallServer.start(options, Clock.systemUTC()));
      String kiosk = await(new Accounts(first.vertx(), first.store().records(), Clock.systemUTC())
          .addDevice(Role.KIOSK, "city", null, "kiosk-1"));
      JsonObject ticket1 = issue(first.port(), kiosk);
      assertThat(redis.command("HGET", "{hall:city}:owner", "token")).isEqualTo("1");
      assertThat(redis.command("HGET", "{hall:hedong}:owner", "token")).isEqualTo("1");
      assertThat(redis.command("XLEN", "{hall:city}:events")).isNotEqualTo(":0");
      await(first.stop());

      HallServer second = await(HallServer.start(options, Clock.systemUTC()));
      try {
        assertThat(redis.command("HGET", "{hall:city}:owner", "token")).isEqualTo("2");
        JsonObject ticket2 = issue(second.port(), kiosk);
        assertThat(ticket2.getString("id")).isNotEqualTo(ticket1.getString("id"));
        assertThat(ticket2.getString("number")).isNotEqualTo(ticket1.getString("number"));
      } finally {
        await(second.stop());
      }
    }
  }

  private static JsonObject issue(int port, String kioskToken) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/halls/city/tickets"))
        .header("Authorization", "Bearer " + kioskToken)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(new JsonObject().put("matter", "EE-PASSPORT").encode()))
        .build();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    return new JsonObject(response.body());
  }
}
