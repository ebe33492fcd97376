package cn.suixin.hall.server.crash;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * The few API calls the crash tests make, over plain {@link HttpClient}: a reply counts as
 * acknowledged only once its status and whole body have arrived.
 */
public final class HallClient {
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final URI base;
  private final String hall;

  public HallClient(URI base, String hall) {
    this.base = base;
    this.hall = hall;
  }

  /** A status and its JSON body (empty for 204). */
  public record Reply(int status, JsonObject body) {}

  public String login(String username, String password) throws IOException, InterruptedException {
    Reply r =
        post(
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", username).put("password", password));
    if (r.status() != 200) {
      throw new IllegalStateException("login of " + username + " answered " + r);
    }
    return r.body().getString("token");
  }

  public Reply issue(String kioskToken, String matter) throws IOException, InterruptedException {
    return issue(kioskToken, matter, UUID.randomUUID().toString());
  }

  /** Issues with a given Idempotency-Key, as a kiosk retrying after a lost reply does. */
  public Reply issue(String kioskToken, String matter, String idempotencyKey)
      throws IOException, InterruptedException {
    return post(
        hallPath("/tickets"), kioskToken, new JsonObject().put("matter", matter), idempotencyKey);
  }

  public Reply window(String token, String window, String action, JsonObject body)
      throws IOException, InterruptedException {
    return post(hallPath("/windows/" + window + "/" + action), token, body);
  }

  /** What a window shows its clerk: state, current ticket and who is signed in. */
  /** A window action with an Idempotency-Key, as a console retrying after a lost reply does. */
  public Reply window(
      String token, String window, String action, JsonObject body, String idempotencyKey)
      throws IOException, InterruptedException {
    return post(hallPath("/windows/" + window + "/" + action), token, body, idempotencyKey);
  }

  public Reply windowView(String token, String window) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(hallPath("/windows/" + window)))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  /** A ticket as the device that issued it reads it (no link secret needed). */
  public Reply ticket(String deviceToken, String id) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(base.resolve(hallPath("/tickets/" + id)))
            .header("Authorization", "Bearer " + deviceToken)
            .GET());
  }

  /** The node's readiness report, as a load balancer reads it. */
  public Reply ready() throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(base.resolve("/ready")).GET());
  }

  private String hallPath(String rest) {
    return "/api/v1/halls/" + hall + rest;
  }

  private Reply post(String path, String token, JsonObject body)
      throws IOException, InterruptedException {
    return post(path, token, body, UUID.randomUUID().toString());
  }

  private Reply post(String path, String token, JsonObject body, String key)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path))
            .header("Content-Type", "application/json")
            .header("Idempotency-Key", key)
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return send(b);
  }

  private Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    String text = r.body();
    return new Reply(
        r.statusCode(), text == null || text.isBlank() ? new JsonObject() : new JsonObject(text));
  }
}
