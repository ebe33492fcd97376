package cn.suixin.hall.server.ops;

import cn.suixin.hall.server.http.Doors;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What an operator's tools ask a node: /ready, /health, /metrics, and a kiosk's ticket. */
final class OpsClient {
  /**
   * The scrape token every server of these tests is started with: /metrics is closed without one.
   */
  static final String METRICS_TOKEN = "ops-test-metrics-token-0001";

  static final Doors DOORS = Doors.CLOSED.withMetricsToken(METRICS_TOKEN);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final int port;

  OpsClient(int port) {
    this.port = port;
  }

  record Reply(int status, String body) {
    JsonObject json() {
      return new JsonObject(body);
    }
  }

  Reply get(String path) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(10)).GET();
    if (path.equals("/metrics")) {
      request.header("Authorization", "Bearer " + METRICS_TOKEN);
    }
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body());
  }

  /** Asks for a ticket without waiting for the answer. */
  CompletableFuture<HttpResponse<String>> issue(String kiosk, String matter) {
    return http.sendAsync(
        HttpRequest.newBuilder(uri("/api/v1/halls/city/tickets"))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + kiosk)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    new JsonObject().put("matter", matter).encode()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * The value of one sample in the Prometheus text, e.g. {@code suixin_hall_stalled{hall="city"}};
   * NaN if absent.
   */
  double sample(String name, String labels) throws Exception {
    Matcher m =
        Pattern.compile("(?m)^" + Pattern.quote(name + "{" + labels + "}") + " (\\S+)$")
            .matcher(get("/metrics").body());
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }
}
