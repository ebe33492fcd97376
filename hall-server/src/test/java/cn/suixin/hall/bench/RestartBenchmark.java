package cn.suixin.hall.bench;

import static cn.suixin.hall.bench.BenchSupport.await;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEngine;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.codec.EventCodec;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Restart with a long journal: writes a 100,000-event journal for hall city (the engine deciding
 * issue, call-next and finish commands, encoded by EventCodec into the embedded store, as the
 * hall owner does), then times three starts in a fresh child JVM each ({@code Main --demo}: from
 * process start to /ready, and to the hall's snapshot) and three in-process
 * {@code HallServer.start} calls in this JVM.
 *
 * <p>Arguments (all optional): events, runs.
 */
public final class RestartBenchmark {
  private static final Pattern REPLAYED = Pattern.compile("hall city replayed (\\d+) events in (\\d+) ms");

  private RestartBenchmark() {
  }

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path config = BenchSupport.configDir();
    Path data = Files.createTempDirectory("suixin-bench-restart");
    long written = writeJournal(config, data, events);
    long bytes = Files.walk(data.resolve("journal")).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length())
        .sum();
    System.out.printf(Locale.ROOT, "RestartBenchmark: journal of hall city with %d events, %.1f MiB%n", written,
        bytes / 1048576.0);
    HttpClient http = BenchSupport.plainClient();

    List<Double> childReady = new ArrayList<>();
    List<Double> childSnapshot = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      int port = BenchSupport.freePort();
      Path log = Files.createTempFile("suixin-bench-restart", ".log");
      long t0 = System.nanoTime();
      Process child = BenchSupport.spawnServer(data, port, log, "-Xmx1g");
      try {
        double ready = untilStatus(http, "http://127.0.0.1:" + port + "/ready", t0, child);
        double snapshot = untilSnapshot(http, port, t0, written);
        Matcher m = REPLAYED.matcher(Files.readString(log));
        String replay = m.find() ? m.group(1) + " events replayed in " + m.group(2) + " ms" : "no replay line";
        System.out.printf(Locale.ROOT, "child JVM run %d: /ready after %.0f ms, snapshot after %.0f ms (%s)%n", r,
            ready, snapshot, replay);
        childReady.add(ready);
        childSnapshot.add(snapshot);
      } finally {
        BenchSupport.stop(child);
        Files.deleteIfExists(log);
      }
    }

    List<Double> inProcessReady = new ArrayList<>();
    List<Double> inProcessSnapshot = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      long t0 = System.nanoTime();
      HallServer server = await(HallServer.start(new ServerOptions(config, data, 0, true), Clock.systemUTC()));
      double started = (System.nanoTime() - t0) / 1e6;
      double ready = untilStatus(http, "http://127.0.0.1:" + server.port() + "/ready", t0, null);
      double snapshot = untilSnapshot(http, server.port(), t0, written);
      System.out.printf(Locale.ROOT, "in-process run %d: start future after %.0f ms, /ready after %.0f ms, snapshot after %.0f ms%n",
          r, started, ready, snapshot);
      inProcessReady.add(ready);
      inProcessSnapshot.add(snapshot);
      await(server.stop());
    }
    double childMedian = BenchSupport.median(childSnapshot);
    double inProcessMedian = BenchSupport.median(inProcessSnapshot);
    System.out.println(BenchSupport.loadAverage());
    System.out.printf(Locale.ROOT, "RESULT restart with %d events: child JVM (cold) median /ready %.0f ms, snapshot "
        + "%.0f ms (target < 2000 ms: %s); in-process HallServer.start (warm JVM) median /ready %.0f ms, snapshot "
        + "%.0f ms (target < 2000 ms: %s)%n", written, BenchSupport.median(childReady), childMedian,
        childMedian < 2000 ? "met" : "MISSED", BenchSupport.median(inProcessReady), inProcessMedian,
        inProcessMedian < 2000 ? "met" : "MISSED");
    BenchSupport.deleteTree(data);
  }

  /** Drives the engine as the hall owner would and appends its events in batches of 1,000. */
  static long writeJournal(Path config, Path data, int events) {
    HallConfig city = new ConfigLoader().load(config).halls().stream().filter(h -> h.id().value().equals("city"))
        .findFirst().orElseThrow().alwaysOpen();
    HallEngine engine = new HallEngine(city);
    MatterCode[] matters = city.matters().keySet().toArray(MatterCode[]::new);
    WindowId[] windows = city.windows().keySet().toArray(WindowId[]::new);
    Vertx vertx = Vertx.vertx();
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, data);
    HallJournal journal = store.journal("city");
    List<JournalEntry> batch = new ArrayList<>();
    // 20 µs apart and ending a few seconds ago: the whole journal is today's business day
    Instant now = Instant.now().minusNanos(events * 20_000L + 5_000_000_000L);
    for (WindowId w : windows) {
      now = now.plusNanos(20_000);
      add(engine.execute(new HallCommand.SignIn(w, new Clerk("B" + w.value(), "窗口" + w.value())), now), batch);
    }
    Outcome done = new Outcome.Done();
    int step = 0;
    while (engine.state().seq() < events) {
      now = now.plusNanos(20_000);
      add(engine.execute(HallCommand.IssueTicket.walkIn(matters[step % matters.length]), now), batch);
      // a steady queue of about 2,000 waiting tickets, as in a busy day
      if (step >= 2000 && engine.state().seq() < events) {
        WindowId w = windows[step % windows.length];
        now = now.plusNanos(20_000);
        CommandResult called = engine.execute(new HallCommand.CallNext(w), now);
        add(called, batch);
        if (called.accepted() && engine.state().seq() < events) {
          now = now.plusNanos(20_000);
          add(engine.execute(new HallCommand.FinishService(w, done), now), batch);
        }
      }
      step++;
      if (batch.size() >= 1000) {
        await(journal.append(batch));
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      await(journal.append(batch));
    }
    long seq = await(journal.lastSeq());
    await(store.close());
    await(vertx.close());
    return seq;
  }

  private static void add(CommandResult r, List<JournalEntry> batch) {
    for (SequencedEvent se : r.events()) {
      batch.add(new JournalEntry(se.seq(), EventCodec.toBuffer(se, null).getBytes()));
    }
  }

  private static double untilStatus(HttpClient http, String url, long t0, Process child) throws Exception {
    while (BenchSupport.status(http, url) != 200) {
      if (child != null && !child.isAlive()) {
        throw new IllegalStateException("server exited with " + child.exitValue());
      }
      if (System.nanoTime() - t0 > 120_000_000_000L) {
        throw new IllegalStateException("not ready after 120 s: " + url);
      }
      Thread.sleep(5);
    }
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double untilSnapshot(HttpClient http, int port, long t0, long seq) throws Exception {
    HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/halls/city/snapshot"))
        .timeout(Duration.ofSeconds(30)).GET().build();
    HttpResponse<String> r = http.send(get, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("snapshot -> " + r.statusCode() + " " + r.body());
    }
    long at = new JsonObject(r.body()).getLong("seq", -1L);
    if (at < seq) {
      throw new IllegalStateException("snapshot at seq " + at + ", journal holds " + seq);
    }
    return (System.nanoTime() - t0) / 1e6;
  }
}
