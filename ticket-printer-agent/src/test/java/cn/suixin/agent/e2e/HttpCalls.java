package cn.suixin.agent.e2e;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** Blocking JSON calls to a hall server's API; anything but 2xx fails the test with the body. */
final class HttpCalls {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final URI base;

  HttpCalls(URI base) {
    this.base = base;
  }

  JsonObject post(String path, String token, JsonObject body) throws Exception {
    return send(
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.ofString(body.encode())),
        token);
  }

  JsonObject get(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(base.resolve(path)).GET(), token);
  }

  String login(String username, String password) throws Exception {
    return post(
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", username).put("password", password))
        .getString("token");
  }

  private static JsonObject send(HttpRequest.Builder b, String token) throws Exception {
    b.timeout(Duration.ofSeconds(15));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new AssertionError(r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
  }
}
