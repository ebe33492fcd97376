package cn.suixin.hall.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.http.LiveClient;
import cn.suixin.hall.server.http.ServerFixture;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Prometheus scrape carries the hall's own meters, Vert.x's (HTTP server, WebSockets, event
 * bus) and the JVM's; HTTP meters name the route template, never a ticket id from the path.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetricsScrapeTest {
  @TempDir Path data;

  @Test
  void a_scrape_has_vertx_http_and_event_bus_meters_and_the_jvm_but_no_ticket_ids()
      throws Exception {
    try (ServerFixture server =
        ServerFixture.start(data, o -> o.withDoors(OpsClient.DOORS), java.time.Clock.systemUTC())) {
      JsonObject ticket = server.issue("EE-PASSPORT");
      assertThat(
              server
                  .get(
                      ServerFixture.city("tickets/" + ticket.getString("id")),
                      server.token("guide"))
                  .status())
          .isEqualTo(200);
      LiveClient live = server.live("/api/v1/halls/city/live");
      OpsClient ops = new OpsClient(server.port());
      String scrape = ops.get("/metrics").body();
      List<String> samples =
          Arrays.stream(scrape.split("\n")).filter(l -> !l.startsWith("#")).toList();

      String http =
          String.join(
              "\n", samples.stream().filter(l -> l.startsWith("vertx_http_server")).toList());
      assertThat(samples)
          .as(http)
          .anyMatch(
              l ->
                  l.startsWith("vertx_http_server_requests_total{")
                      && l.contains("/api/v1/halls/:hall/tickets/:ticket\""));
      assertThat(samples).anyMatch(l -> l.startsWith("vertx_http_server_active_ws_connections"));
      assertThat(samples).anyMatch(l -> l.startsWith("vertx_eventbus_handlers"));
      assertThat(samples).anyMatch(l -> l.startsWith("jvm_memory_used_bytes{"));
      assertThat(samples)
          .anyMatch(l -> l.startsWith("jvm_gc_") || l.startsWith("jvm_threads_live_threads"));
      assertThat(samples).anyMatch(l -> l.startsWith("process_uptime_seconds"));
      assertThat(samples).anyMatch(l -> l.startsWith("suixin_tickets_issued_total{hall=\"city\"}"));
      assertThat(samples)
          .anyMatch(l -> l.startsWith("suixin_hall_oldest_pending_seconds{hall=\"city\"}"));
      assertThat(scrape).as("no time series per ticket").doesNotContain(ticket.getString("id"));
      live.close();
    }
  }
}
