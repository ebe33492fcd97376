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
import cn.suixin.hall.server.crash.DataFolders;
import cn.suixin.hall.server.hall.HallVerticle;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
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
 * issue, call-next and finish commands, encoded by EventCodec into the embedded store, as the hall
 * owner does), with the hall's snapshots as its owner leaves them in three cases:
 *
 * <ul>
 *   <li>crashed: the owner died just before its next snapshot was due, so the last snapshot is
 *       {@code HallVerticle.SNAPSHOT_EVERY - 1} events behind the journal's end (the worst case);
 *   <li>stopped: the owner stopped cleanly and left a snapshot at the journal's end;
 *   <li>no snapshot: the first start after an upgrade or a configuration change replays it all.
 * </ul>
 *
 * <p>Each case is started on a fresh copy of its data folder in a fresh child JVM, as an operator
 * starts it ({@code java -jar target/hall-server.jar --demo}: from process start to /ready, and to
 * the hall's snapshot); the crashed case is also started in-process with {@code HallServer.start}.
 * The snapshots themselves are left by that jar, started over the journal written so far and
 * stopped with SIGTERM.
 *
 * <p>Arguments (all optional): events, runs.
 */
public final class RestartBenchmark {
  private static final Pattern STARTED =
      Pattern.compile(
          "hall city(?: restored from the snapshot at seq (\\d+) in (\\d+) ms,)? replayed (\\d+) events in (\\d+) ms");

  private RestartBenchmark() {}

  /** A case: its data folder as the owner left it. */
  private record Case(String name, Path data) {}

  public static void main(String[] args) throws Exception {
    int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int every = HallVerticle.SNAPSHOT_EVERY;
    Path config = BenchSupport.configDir();
    Path base = Files.createTempDirectory("suixin-bench-restart");
    long written;
    long snapshotAt;
    HttpClient http = BenchSupport.plainClient();
    try (JournalWriter writer = new JournalWriter(config, base.resolve("crashed"))) {
      snapshotAt = writer.writeUntil(events + 1 - (every - 1));
      writer.pause();
      startAndStop(http, base.resolve("crashed"), snapshotAt);
      written = writer.writeUntil(events + 1);
    }
    Case crashed =
        new Case(
            "crashed, snapshot " + (written - snapshotAt) + " events behind",
            base.resolve("crashed"));
    Case stopped = new Case("stopped cleanly, snapshot at the end", base.resolve("stopped"));
    DataFolders.copy(crashed.data(), stopped.data());
    startAndStop(http, stopped.data(), written);
    Case none = new Case("no snapshot, whole journal replayed", base.resolve("none"));
    DataFolders.copy(crashed.data(), none.data());
    BenchSupport.deleteTree(none.data().resolve("snapshots"));
    long bytes = sizeOf(crashed.data().resolve("journal"));
    System.out.printf(
        Locale.ROOT,
        "RestartBenchmark: journal of hall city with %d events, %.1f MiB; snapshot "
            + "every %d events, %.1f MiB at the end%n",
        written,
        bytes / 1048576.0,
        every,
        sizeOf(stopped.data().resolve("snapshots")) / 1048576.0);

    List<String> results = new ArrayList<>();
    for (Case c : List.of(crashed, stopped, none)) {
      List<Double> ready = new ArrayList<>();
      List<Double> snapshot = new ArrayList<>();
      for (int r = 1; r <= runs; r++) {
        Path data = base.resolve("run");
        DataFolders.copy(c.data(), data);
        double[] t = childStart(http, data, written);
        System.out.printf(
            Locale.ROOT,
            "child JVM, %s, run %d: /ready after %.0f ms, snapshot after %.0f ms%n",
            c.name(),
            r,
            t[0],
            t[1]);
        ready.add(t[0]);
        snapshot.add(t[1]);
        BenchSupport.deleteTree(data);
      }
      results.add(
          String.format(
              Locale.ROOT,
              "child JVM, %s: median /ready %.0f ms, snapshot %.0f ms%s",
              c.name(),
              BenchSupport.median(ready),
              BenchSupport.median(snapshot),
              c == none
                  ? ""
                  : " (target < 2000 ms: "
                      + (BenchSupport.median(snapshot) < 2000 ? "met" : "MISSED")
                      + ")"));
    }

    List<Double> inProcess = new ArrayList<>();
    for (int r = 1; r <= runs; r++) {
      Path data = base.resolve("run");
      DataFolders.copy(crashed.data(), data);
      long t0 = System.nanoTime();
      HallServer server =
          await(HallServer.start(new ServerOptions(config, data, 0, true), Clock.systemUTC()));
      double started = (System.nanoTime() - t0) / 1e6;
      double snapshot = untilSnapshot(http, server.port(), t0, written);
      System.out.printf(
          Locale.ROOT,
          "in-process, %s, run %d: start future after %.0f ms, snapshot after %.0f ms%n",
          crashed.name(),
          r,
          started,
          snapshot);
      inProcess.add(snapshot);
      await(server.stop());
      BenchSupport.deleteTree(data);
    }
    results.add(
        String.format(
            Locale.ROOT,
            "in-process HallServer.start (warm JVM), %s: median snapshot %.0f ms",
            crashed.name(),
            BenchSupport.median(inProcess)));
    System.out.println(BenchSupport.loadAverage());
    results.forEach(
        line -> System.out.println("RESULT restart with " + written + " events, " + line));
    if (Boolean.getBoolean("bench.keep")) {
      System.out.println("data folders kept in " + base);
    } else {
      BenchSupport.deleteTree(base);
    }
  }

  /**
   * A fresh JVM on {@code data}: milliseconds from process start to /ready and to the hall's
   * snapshot.
   */
  private static double[] childStart(HttpClient http, Path data, long written) throws Exception {
    int port = BenchSupport.freePort();
    Path log = Files.createTempFile("suixin-bench-restart", ".log");
    long t0 = System.nanoTime();
    Process child = BenchSupport.spawnServerJar(data, port, log, "-Xmx1g");
    try {
      double ready = untilStatus(http, "http://127.0.0.1:" + port + "/ready", t0, child);
      double snapshot = untilSnapshot(http, port, t0, written);
      Matcher m = STARTED.matcher(Files.readString(log));
      System.out.println("  child log: " + (m.find() ? m.group() : "no start line for hall city"));
      return new double[] {ready, snapshot};
    } finally {
      BenchSupport.stop(child);
      Files.deleteIfExists(log);
    }
  }

  /**
   * Runs the demo server over what is written so far and stops it as an operator does (SIGTERM): it
   * leaves the demo accounts and the snapshot its hall owner takes at the journal's end.
   */
  private static void startAndStop(HttpClient http, Path data, long seq) throws Exception {
    int port = BenchSupport.freePort();
    Path log = Files.createTempFile("suixin-bench-restart", ".log");
    Process child = BenchSupport.spawnServerJar(data, port, log, "-Xmx1g");
    try {
      long t0 = System.nanoTime();
      untilStatus(http, "http://127.0.0.1:" + port + "/ready", t0, child);
      untilSnapshot(http, port, t0, seq);
    } finally {
      BenchSupport.stop(child);
      Files.deleteIfExists(log);
    }
    if (!Files.exists(data.resolve("snapshots").resolve("city.snap"))) {
      throw new IllegalStateException("the stopped server left no snapshot of hall city");
    }
  }

  private static long sizeOf(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (var walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  /**
   * Drives the engine as the hall owner would and appends its events in batches of 1,000; between
   * {@link #pause()} and the next write the journal is closed, so a server may open it meanwhile.
   */
  static final class JournalWriter implements AutoCloseable {
    private final Path data;
    private final HallEngine engine;
    private final MatterCode[] matters;
    private final WindowId[] windows;
    private final Vertx vertx = Vertx.vertx();
    private EmbeddedJournalStore store;
    private HallJournal journal;
    private Instant now;
    private int step;

    JournalWriter(Path config, Path data) {
      this.data = data;
      HallConfig city =
          new ConfigLoader()
              .load(config).halls().stream()
                  .filter(h -> h.id().value().equals("city"))
                  .findFirst()
                  .orElseThrow()
                  .alwaysOpen();
      engine = new HallEngine(city);
      matters = city.matters().keySet().toArray(MatterCode[]::new);
      windows = city.windows().keySet().toArray(WindowId[]::new);
      // 20 µs apart and ending a few seconds ago: a journal of up to a million events is all today
      now = Instant.now().minusSeconds(25);
    }

    /** Writes until the journal holds {@code last} events; returns its last seq. */
    long writeUntil(long last) {
      if (store == null) {
        store = new EmbeddedJournalStore(vertx, data);
        journal = store.journal("city");
      }
      List<JournalEntry> batch = new ArrayList<>();
      if (engine.state().seq() == 0) {
        for (WindowId w : windows) {
          now = now.plusNanos(20_000);
          add(
              engine.execute(
                  new HallCommand.SignIn(w, new Clerk("B" + w.value(), "窗口" + w.value())), now),
              batch);
        }
      }
      Outcome done = new Outcome.Done();
      while (engine.state().seq() < last) {
        now = now.plusNanos(20_000);
        add(
            engine.execute(HallCommand.IssueTicket.walkIn(matters[step % matters.length]), now),
            batch);
        // a steady queue of about 2,000 waiting tickets, as in a busy day
        if (step >= 2000 && engine.state().seq() < last) {
          WindowId w = windows[step % windows.length];
          now = now.plusNanos(20_000);
          CommandResult called = engine.execute(new HallCommand.CallNext(w), now);
          add(called, batch);
          if (called.accepted() && engine.state().seq() < last) {
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
      return await(journal.lastSeq());
    }

    void pause() {
      if (store != null) {
        await(store.close());
        store = null;
      }
    }

    @Override
    public void close() {
      pause();
      await(vertx.close());
    }

    private static void add(CommandResult r, List<JournalEntry> batch) {
      for (SequencedEvent se : r.events()) {
        batch.add(new JournalEntry(se.seq(), EventCodec.toBuffer(se, null).getBytes()));
      }
    }
  }

  private static double untilStatus(HttpClient http, String url, long t0, Process child)
      throws Exception {
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

  private static double untilSnapshot(HttpClient http, int port, long t0, long seq)
      throws Exception {
    HttpRequest get =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/halls/city/snapshot"))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build();
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
