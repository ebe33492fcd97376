package cn.suixin.hall.bench;

import static cn.suixin.hall.bench.BenchSupport.await;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Live fan-out: the server runs in a child JVM ({@code Main --demo}); this JVM holds 1,000 public
 * live sockets on hall city and a clerk who calls the next ticket at window 07, paced. For every
 * (call, screen) pair it measures from the call-next HTTP reply reaching the clerk to that call's
 * {@code ticket.called} reaching the screen; a screen served before the clerk counts as 0.
 *
 * <p>Arguments (all optional): screens, calls, pause between calls in ms, warm-up calls.
 */
public final class LiveFanoutBenchmark {
  private static final Pattern DEVICE = Pattern.compile("kiosk token {2,}(\\S+)");
  private static final String WINDOW = "07";

  private LiveFanoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int screens = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int calls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int pauseMillis = args.length > 2 ? Integer.parseInt(args[2]) : 100;
    int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Path data = Files.createTempDirectory("suixin-bench-live");
    Path log = Files.createTempFile("suixin-bench-live", ".log");
    int port = BenchSupport.freePort();
    String base = "http://127.0.0.1:" + port;
    Process child = BenchSupport.spawnServer(data, port, log, "-Xmx1g");
    try {
      HttpClient http = BenchSupport.plainClient();
      String kiosk = waitForDemo(log, child);
      String clerk =
          post(
                  http,
                  base + "/api/v1/auth/login",
                  null,
                  new JsonObject().put("username", "clerk1").put("password", "suixin-demo"))
              .getString("token");
      for (int i = 0; i < warmup + calls + 10; i++) {
        post(
            http,
            base + "/api/v1/halls/city/tickets",
            kiosk,
            new JsonObject().put("matter", "EE-PASSPORT"));
      }
      post(
          http,
          base + "/api/v1/halls/city/windows/" + WINDOW + "/sign-in",
          clerk,
          new JsonObject());

      Vertx vertx = Vertx.vertx();
      WebSocketClient sockets =
          vertx.createWebSocketClient(
              new WebSocketClientOptions()
                  .setMaxConnections(screens * 2)
                  .setMaxFrameSize(1 << 20)
                  .setMaxMessageSize(1 << 24));
      Map<String, long[]> received = new ConcurrentHashMap<>();
      AtomicInteger snapshots = new AtomicInteger();
      List<ClientWebSocket> open = new ArrayList<>();
      for (int from = 0; from < screens; from += 100) {
        List<Future<?>> batch = new ArrayList<>();
        for (int s = from; s < Math.min(screens, from + 100); s++) {
          int screen = s;
          ClientWebSocket ws = sockets.webSocket();
          ws.textMessageHandler(
              text -> {
                long at = System.nanoTime();
                if (text.contains("\"ticket.called\"")) {
                  String ticket = new JsonObject(text).getString("ticket");
                  received.computeIfAbsent(ticket, t -> new long[screens])[screen] = at;
                } else if (text.contains("\"snapshot\"")) {
                  snapshots.incrementAndGet();
                }
              });
          open.add(ws);
          batch.add(ws.connect(port, "127.0.0.1", "/api/v1/halls/city/live"));
        }
        await(Future.all(batch));
      }
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (snapshots.get() < screens && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      System.out.printf(
          Locale.ROOT,
          "LiveFanoutBenchmark: %d screens connected (%d snapshots), %d calls every %d ms after %d warm-up calls%n",
          open.size(),
          snapshots.get(),
          calls,
          pauseMillis,
          warmup);

      // the first calls warm up both JVMs and are not counted
      for (int i = 0; i < warmup; i++) {
        post(
            http,
            base + "/api/v1/halls/city/windows/" + WINDOW + "/call-next",
            clerk,
            new JsonObject());
        post(
            http,
            base + "/api/v1/halls/city/windows/" + WINDOW + "/finish",
            clerk,
            new JsonObject().put("outcome", "DONE"));
        Thread.sleep(pauseMillis);
      }
      String[] tickets = new String[calls];
      long[] sentAt = new long[calls];
      long[] repliedAt = new long[calls];
      for (int i = 0; i < calls; i++) {
        sentAt[i] = System.nanoTime();
        JsonObject called =
            post(
                http,
                base + "/api/v1/halls/city/windows/" + WINDOW + "/call-next",
                clerk,
                new JsonObject());
        repliedAt[i] = System.nanoTime();
        tickets[i] = called.getJsonObject("ticket").getString("id");
        Thread.sleep(pauseMillis / 2);
        post(
            http,
            base + "/api/v1/halls/city/windows/" + WINDOW + "/finish",
            clerk,
            new JsonObject().put("outcome", "DONE"));
        Thread.sleep(pauseMillis - pauseMillis / 2);
      }
      Thread.sleep(2000);

      long[] fromReply = new long[calls * screens];
      long[] fromRequest = new long[calls * screens];
      int n = 0;
      int missing = 0;
      int beforeReply = 0;
      long[] spread = new long[calls];
      for (int i = 0; i < calls; i++) {
        long[] at = received.getOrDefault(tickets[i], new long[screens]);
        long first = Long.MAX_VALUE;
        long last = 0;
        for (int s = 0; s < screens; s++) {
          if (at[s] == 0) {
            missing++;
            continue;
          }
          first = Math.min(first, at[s]);
          last = Math.max(last, at[s]);
          if (at[s] < repliedAt[i]) {
            beforeReply++;
          }
          fromReply[n] = Math.max(0, at[s] - repliedAt[i]);
          fromRequest[n] = at[s] - sentAt[i];
          n++;
        }
        spread[i] = last == 0 ? 0 : last - first;
      }
      Arrays.sort(spread);
      fromReply = Arrays.copyOf(fromReply, n);
      fromRequest = Arrays.copyOf(fromRequest, n);
      Arrays.sort(fromReply);
      Arrays.sort(fromRequest);
      System.out.printf(
          Locale.ROOT,
          "%d (call, screen) pairs received, %d missing, %d before the clerk's reply%n",
          n,
          missing,
          beforeReply);
      System.out.printf(
          Locale.ROOT,
          "from call-next reply: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          ms(BenchSupport.percentile(fromReply, 50)),
          ms(BenchSupport.percentile(fromReply, 99)),
          ms(fromReply[n - 1]));
      System.out.printf(
          Locale.ROOT,
          "from call-next request: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          ms(BenchSupport.percentile(fromRequest, 50)),
          ms(BenchSupport.percentile(fromRequest, 99)),
          ms(fromRequest[n - 1]));
      System.out.printf(
          Locale.ROOT,
          "first to last screen of a call: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          ms(BenchSupport.percentile(spread, 50)),
          ms(BenchSupport.percentile(spread, 99)),
          ms(spread[calls - 1]));
      double p99 = ms(BenchSupport.percentile(fromReply, 99));
      System.out.println(BenchSupport.loadAverage());
      System.out.printf(
          Locale.ROOT,
          "RESULT fan-out to %d screens: p50 %.1f ms, p99 %.1f ms (target p99 <= 50 ms: %s)%n",
          screens,
          ms(BenchSupport.percentile(fromReply, 50)),
          p99,
          p99 <= 50 && missing == 0 ? "met" : "MISSED");
      await(Future.join(open.stream().map(ws -> ws.close()).toList()));
      await(vertx.close());
    } finally {
      BenchSupport.stop(child);
      BenchSupport.deleteTree(data);
      Files.deleteIfExists(log);
    }
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  /** Waits for the demo banner of the child and returns its kiosk token. */
  private static String waitForDemo(Path log, Process child) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (!child.isAlive()) {
        throw new IllegalStateException("server exited: " + Files.readString(log));
      }
      Matcher m = DEVICE.matcher(Files.readString(log));
      if (m.find()) {
        return m.group(1);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no demo banner in " + log);
  }

  private static JsonObject post(HttpClient http, String url, String token, JsonObject body)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(url + " -> " + r.statusCode() + " " + r.body());
    }
    return r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body());
  }
}
