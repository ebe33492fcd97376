package cn.suixin.hall.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /metrics} is never open to whoever reaches the public port. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetricsAccessTest {
  private static final String TOKEN = "scrape-me-0123456789abcdef";
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir Path dir;

  @Test
  void with_a_metrics_token_set_only_a_scraper_sending_it_reads_the_metrics() throws Exception {
    ServerFixture server = start(new Doors(TrustedProxies.NONE, TOKEN, "127.0.0.1", -1));
    try {
      assertRefused(get(server.port(), null), "UNAUTHORIZED");
      assertRefused(get(server.port(), "Bearer not-the-token-at-all"), "UNAUTHORIZED");
      assertRefused(get(server.port(), "Basic " + TOKEN), "UNAUTHORIZED");
      HttpResponse<String> ok = get(server.port(), "Bearer " + TOKEN);
      assertPrometheusText(ok);
    } finally {
      server.close();
    }
  }

  @Test
  void without_a_token_or_a_metrics_listener_the_metrics_are_closed() throws Exception {
    ServerFixture server = start(Doors.CLOSED);
    try {
      assertRefused(get(server.port(), null), "METRICS_CLOSED");
      assertRefused(get(server.port(), "Bearer " + TOKEN), "METRICS_CLOSED");
    } finally {
      server.close();
    }
  }

  @Test
  void with_a_metrics_listener_the_metrics_are_served_there_and_not_on_the_public_port()
      throws Exception {
    ServerFixture server = start(new Doors(TrustedProxies.NONE, null, "127.0.0.1", 0));
    try {
      assertThat(server.metricsPort()).isPositive().isNotEqualTo(server.port());
      HttpResponse<String> main = get(server.port(), null);
      assertThat(main.statusCode()).isEqualTo(404);
      assertPrometheusText(get(server.metricsPort(), null));
    } finally {
      server.close();
    }
    ServerFixture guarded = start(new Doors(TrustedProxies.NONE, TOKEN, "127.0.0.1", 0));
    try {
      assertRefused(get(guarded.metricsPort(), null), "UNAUTHORIZED");
      assertPrometheusText(get(guarded.metricsPort(), "Bearer " + TOKEN));
    } finally {
      guarded.close();
    }
  }

  private ServerFixture start(Doors doors) {
    return ServerFixture.builder(dir.resolve("data"))
        .withoutTestAccounts()
        .options(o -> o.withDoors(doors))
        .start();
  }

  private static void assertRefused(HttpResponse<String> r, String code) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    JsonObject problem = new JsonObject(r.body());
    assertThat(problem.getString("code")).isEqualTo(code);
    assertThat(problem.getString("message")).matches(".*\\p{IsHan}.*");
    assertThat(problem.getString("messageEn")).isNotBlank();
    assertThat(r.body()).doesNotContain("suixin_");
  }

  private static void assertPrometheusText(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
    assertThat(r.body())
        .contains("# TYPE suixin_login_failures_total counter")
        .contains("suixin_login_failures_total{reason=\"bad-credentials\"}");
  }

  private HttpResponse<String> get(int port, String authorization) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
