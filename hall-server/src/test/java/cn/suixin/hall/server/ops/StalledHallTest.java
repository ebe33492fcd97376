package cn.suixin.hall.server.ops;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.hall.PendingWatch;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.store.LogCapture;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node whose city hall cannot get its journal append done (the store takes the batch and never
 * answers): after the watchdog's 5 s, /ready says 503 naming the hall, the gauges show the stall
 * and one ERROR line says so; once the append completes, all of it clears by itself.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StalledHallTest {
  @TempDir Path data;

  @Test
  void a_hall_whose_append_never_completes_turns_ready_503_and_clears_when_it_completes()
      throws Exception {
    HoldingStore[] store = new HoldingStore[1];
    ServerFixture server =
        ServerFixture.builder(data)
            .withoutTestAccounts()
            .options(o -> o.withDoors(OpsClient.DOORS))
            .aroundStore(s -> store[0] = new HoldingStore(s, "city"))
            .start();
    try (LogCapture log = LogCapture.of(PendingWatch.class)) {
      OpsClient ops = new OpsClient(server.port());
      String kiosk = server.device(Role.KIOSK, null, "kiosk-1");
      assertThat(ops.get("/ready").status()).as(ops.get("/ready").body()).isEqualTo(200);
      assertThat(ops.sample("suixin_hall_stalled", "hall=\"city\"")).isEqualTo(0.0);

      store[0].held().hold();
      CompletableFuture<HttpResponse<String>> ticket = ops.issue(kiosk, "EE-PASSPORT");
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ops.get("/ready").status() == 503);
      JsonObject report = ops.get("/ready").json();
      assertThat(report.getString("status")).isEqualTo("NOT_READY");
      assertThat(report.getJsonArray("failed")).as(report.encode()).containsExactly("pending");
      JsonObject pending = report.getJsonObject("checks").getJsonObject("pending");
      assertThat(pending.getJsonObject("stalled").getDouble("city")).isGreaterThan(5.0);
      assertThat(pending.getDouble("thresholdSeconds")).isEqualTo(5.0);
      assertThat(report.getJsonObject("checks").getJsonObject("halls").getBoolean("up"))
          .as("the owner still answers probes while its append waits")
          .isTrue();
      assertThat(ops.sample("suixin_hall_stalled", "hall=\"city\"")).isEqualTo(1.0);
      assertThat(ops.sample("suixin_hall_oldest_pending_seconds", "hall=\"city\""))
          .isGreaterThan(5.0);
      assertThat(ops.sample("suixin_hall_stalled", "hall=\"anju\""))
          .as("other halls go on")
          .isEqualTo(0.0);
      assertThat(ops.get("/health").status()).as("the process is alive").isEqualTo(200);

      store[0].held().release();
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> ops.get("/ready").status() == 200);
      assertThat(ops.get("/ready").json().getString("status")).isEqualTo("READY");
      assertThat(ops.sample("suixin_hall_stalled", "hall=\"city\"")).isEqualTo(0.0);
      assertThat(ops.sample("suixin_hall_oldest_pending_seconds", "hall=\"city\"")).isEqualTo(0.0);
      assertThat(ticket.get(30, TimeUnit.SECONDS).statusCode())
          .as("the caller gave up after 3 s")
          .isEqualTo(503);
      HttpResponse<String> next = ops.issue(kiosk, "EE-PASSPORT").get(30, TimeUnit.SECONDS);
      assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
      assertThat(new JsonObject(next.body()).getString("number"))
          .as("the held ticket was issued after all")
          .isEqualTo("A002");
      assertThat(log.lines().stream().filter(l -> l.startsWith("hall city stalled")))
          .as("one alert")
          .hasSize(1);
      assertThat(log.lines()).anyMatch(l -> l.startsWith("hall city answers again"));
    } finally {
      server.close();
    }
  }
}
