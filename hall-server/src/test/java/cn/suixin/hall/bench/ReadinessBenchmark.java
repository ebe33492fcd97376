package cn.suixin.hall.bench;

import static cn.suixin.hall.bench.BenchSupport.await;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.http.Doors;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one poll costs a healthy demo node (embedded store, 9 halls): /ready (four checks, nine
 * probes over the event bus) side by side with /health (no work) and /metrics (a full scrape), one
 * caller at a time as a load balancer or Prometheus polls, in alternating rounds.
 *
 * <p>Arguments (all optional): rounds, requests per round and path.
 */
public final class ReadinessBenchmark {
  private static final String METRICS_TOKEN = "readiness-bench-metrics-token";

  private ReadinessBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int perRound = args.length > 1 ? Integer.parseInt(args[1]) : 400;
    Path data = Files.createTempDirectory("suixin-bench-ready");
    HallServer server =
        await(
            HallServer.start(
                new ServerOptions(BenchSupport.configDir(), data, 0, true)
                    .withDoors(Doors.CLOSED.withMetricsToken(METRICS_TOKEN)),
                Clock.systemUTC()));
    HttpClient http = BenchSupport.plainClient();
    List<String> paths = List.of("/health", "/ready", "/metrics");
    Map<String, List<Double>> medians = new LinkedHashMap<>();
    Map<String, List<Double>> p99s = new LinkedHashMap<>();
    try {
      for (String p : paths) {
        poll(http, server.port(), p, perRound); // warm-up
      }
      for (int r = 0; r < rounds; r++) {
        for (String p : paths) {
          long[] micros = poll(http, server.port(), p, perRound);
          medians
              .computeIfAbsent(p, k -> new ArrayList<>())
              .add((double) BenchSupport.percentile(micros, 50));
          p99s.computeIfAbsent(p, k -> new ArrayList<>())
              .add((double) BenchSupport.percentile(micros, 99));
        }
      }
      double health = BenchSupport.median(medians.get("/health"));
      System.out.println(
          "ReadinessBenchmark, "
              + BenchSupport.loadAverage()
              + ", "
              + rounds
              + " rounds of "
              + perRound
              + " sequential GETs per path");
      for (String p : paths) {
        double median = BenchSupport.median(medians.get(p));
        System.out.printf(
            Locale.ROOT,
            "%-8s median %6.0f us, p99 %6.0f us (medians of rounds), %.1fx /health%n",
            p,
            median,
            BenchSupport.median(p99s.get(p)),
            median / health);
      }
    } finally {
      await(server.stop());
      BenchSupport.deleteTree(data);
    }
  }

  /** Microseconds of each of {@code n} sequential GETs, sorted; fails on any status but 200. */
  private static long[] poll(HttpClient http, int port, String path, int n) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Authorization", "Bearer " + METRICS_TOKEN)
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      long t0 = System.nanoTime();
      HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
      micros[i] = (System.nanoTime() - t0) / 1_000;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode());
      }
    }
    Arrays.sort(micros);
    return micros;
  }
}
