package cn.suixin.hall.browser;

import cn.suixin.hall.server.http.ServerFixture;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The hall's HTTP API as the tests drive it: JSON in, status and JSON out. */
final class HallApi {
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  HallApi(String base) {
    this.base = base;
  }

  record Reply(int status, JsonObject body) {
    Reply expect(int wanted) {
      if (status != wanted) {
        throw new AssertionError("expected HTTP " + wanted + " but got " + status + ": " + body);
      }
      return this;
    }
  }

  String login(String username) {
    return post(
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", username).put("password", ServerFixture.PASSWORD))
        .expect(200)
        .body()
        .getString("token");
  }

  /** POST /api/v1/halls/city/tickets with a kiosk token; returns the ticket. */
  JsonObject issue(String kioskToken, String matter) {
    return issue(kioskToken, ServerFixture.HALL, matter);
  }

  JsonObject issue(String kioskToken, String hallId, String matter) {
    return post(
            "/api/v1/halls/" + hallId + "/tickets",
            kioskToken,
            new JsonObject().put("matter", matter))
        .expect(201)
        .body();
  }

  Reply window(String token, String window, String action) {
    JsonObject body =
        "finish".equals(action) ? new JsonObject().put("outcome", "DONE") : new JsonObject();
    return window(token, window, action, body);
  }

  Reply window(String token, String window, String action, JsonObject body) {
    return post(hall("/windows/" + window + "/" + action), token, body);
  }

  void notice(String supervisorToken, String text) {
    post(hall("/notice"), supervisorToken, new JsonObject().put("text", text)).expect(200);
  }

  JsonObject snapshot() {
    return get(hall("/snapshot"));
  }

  static String hall(String rest) {
    return "/api/v1/halls/" + ServerFixture.HALL + rest;
  }

  JsonObject get(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    Reply reply = send(request);
    return reply.expect(200).body();
  }

  Reply post(String path, String token, JsonObject body) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b.build());
  }

  private Reply send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      String text = r.body();
      JsonObject json =
          text == null || text.isBlank() || !text.trim().startsWith("{")
              ? new JsonObject()
              : new JsonObject(text);
      return new Reply(r.statusCode(), json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
