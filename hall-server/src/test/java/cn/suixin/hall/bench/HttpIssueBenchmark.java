package cn.suixin.hall.bench;

import static cn.suixin.hall.bench.BenchSupport.await;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.http.Doors;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durable ticket issue over HTTP against a bare Vert.x endpoint, side by side in one JVM: the
 * server's 201 is sent only after the ticket's event is fsynced by the hall's group commit, the
 * bare endpoint just reads the body and answers a small JSON. Both get the same closed-loop load of
 * 64 keep-alive callers, in alternating timed rounds after a warm-up of each.
 *
 * <p>Arguments (all optional): rounds, seconds per round, warm-up seconds, callers.
 */
public final class HttpIssueBenchmark {
  /** /metrics is closed without one; the run reads the hall's batching from it. */
  private static final String METRICS_TOKEN = "bench-metrics-token-0123456789";

  private HttpIssueBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int callers = args.length > 3 ? Integer.parseInt(args[3]) : 64;
    Path config = BenchSupport.configDir();
    Path data = Files.createTempDirectory("suixin-bench-issue");
    // BENCH_STORE=redis: the same run on a durable Redis (AOF, fsync always) started here
    RedisForBench redis =
        "redis".equals(System.getenv("BENCH_STORE")) ? RedisForBench.start(data) : null;
    ServerOptions options =
        (redis == null
                ? new ServerOptions(config, data, 0, true)
                : new ServerOptions(config, data, 0, true, "redis", redis.uri(), null))
            .withDoors(Doors.CLOSED.withMetricsToken(METRICS_TOKEN));
    HallServer server = await(HallServer.start(options, Clock.systemUTC()));
    String token =
        await(
            new Accounts(server.vertx(), server.store().records(), Clock.systemUTC())
                .addDevice(Role.KIOSK, "city", null, "bench-kiosk"));
    HallConfig city =
        new ConfigLoader()
            .load(config).halls().stream()
                .filter(h -> h.id().value().equals("city"))
                .findFirst()
                .orElseThrow();
    // matters with a daily quota would start refusing mid-run and measure the refusal path instead
    List<String> matters =
        city.matters().values().stream()
            .filter(m -> m.dailyQuota() == 0)
            .map(m -> m.code().value())
            .toList();

    Vertx bareVertx = Vertx.vertx();
    HttpServer bare =
        await(
            bareVertx
                .createHttpServer()
                .requestHandler(
                    req ->
                        req.body()
                            .onSuccess(
                                b -> {
                                  JsonObject in = b.toJsonObject();
                                  req.response()
                                      .setStatusCode(201)
                                      .putHeader("Content-Type", "application/json; charset=utf-8")
                                      .end(
                                          new JsonObject()
                                              .put("id", "20261127-A0001")
                                              .put("number", "A0001")
                                              .put("matter", in.getString("matter"))
                                              .encode());
                                }))
                .listen(0, "127.0.0.1"));

    Vertx clientVertx = Vertx.vertx();
    HttpClientAgent client =
        clientVertx.createHttpClient(
            new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(callers));
    LoadDriver driver = new LoadDriver(client, callers);
    LoadDriver.Target issue =
        new LoadDriver.Target(
            "server",
            server.port(),
            "/api/v1/halls/city/tickets",
            n ->
                MultiMap.caseInsensitiveMultiMap()
                    .add("Authorization", "Bearer " + token)
                    .add("Content-Type", "application/json")
                    .add("Idempotency-Key", "bench-" + n),
            n ->
                new JsonObject().put("matter", matters.get((int) (n % matters.size()))).toBuffer());
    LoadDriver.Target plain =
        new LoadDriver.Target(
            "bare",
            bare.actualPort(),
            "/echo",
            n -> MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/json"),
            n ->
                Buffer.buffer(
                    new JsonObject()
                        .put("matter", matters.get((int) (n % matters.size())))
                        .encode()));

    System.out.printf(
        Locale.ROOT,
        "HttpIssueBenchmark: %d callers, %d matters of hall city, %d x %d s rounds%n",
        callers,
        matters.size(),
        rounds,
        seconds);
    print("warm-up", driver.run(issue, 201, warmup * 1000L));
    print("warm-up", driver.run(plain, 201, warmup * 1000L));
    List<Double> serverRates = new ArrayList<>();
    List<Double> bareRates = new ArrayList<>();
    for (int r = 1; r <= rounds; r++) {
      LoadDriver.Round s = driver.run(issue, 201, seconds * 1000L);
      print("round " + r, s);
      serverRates.add(s.perSecond());
      LoadDriver.Round b = driver.run(plain, 201, seconds * 1000L);
      print("round " + r, b);
      bareRates.add(b.perSecond());
    }
    double serverMedian = BenchSupport.median(serverRates);
    double bareMedian = BenchSupport.median(bareRates);
    System.out.println(BenchSupport.loadAverage());
    System.out.printf(
        Locale.ROOT,
        "RESULT issue median %.0f/s, bare median %.0f/s, issue/bare %.3f (target issue >= 5000/s: %s)%n",
        serverMedian,
        bareMedian,
        serverMedian / bareMedian,
        serverMedian >= 5000 ? "met" : "MISSED");

    groupCommit(server.port());
    if (redis != null) {
      List<Double> xadd = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        xadd.add(redis.xaddPerSecond());
        System.out.printf(
            Locale.ROOT,
            "round %d  redis-benchmark XADD (1 connection, pipeline 16): %.0f/s%n",
            r,
            xadd.get(xadd.size() - 1));
      }
      double xaddMedian = BenchSupport.median(xadd);
      System.out.printf(
          Locale.ROOT,
          "RESULT redis store: issue median %.0f/s, XADD median %.0f/s, issue/XADD %.3f%n",
          serverMedian,
          xaddMedian,
          serverMedian / xaddMedian);
    }

    await(client.close());
    await(clientVertx.close());
    await(bareVertx.close());
    await(server.stop());
    if (redis != null) {
      redis.stop();
    }
    BenchSupport.deleteTree(data);
  }

  /**
   * How the hall owner batched: from its Prometheus metrics, over the whole run (warm-up included).
   */
  private static void groupCommit(int port) {
    String metrics =
        BenchSupport.get(
            BenchSupport.plainClient(),
            "http://127.0.0.1:" + port + "/metrics",
            "Bearer " + METRICS_TOKEN);
    double appends = metric(metrics, "suixin_journal_append_seconds_count");
    double appendSeconds = metric(metrics, "suixin_journal_append_seconds_sum");
    double issued = metric(metrics, "suixin_tickets_issued_total");
    double commands = metric(metrics, "suixin_command_seconds_count");
    double commandSeconds = metric(metrics, "suixin_command_seconds_sum");
    System.out.printf(
        Locale.ROOT,
        "hall city: %.0f tickets in %.0f appends (%.1f per append), mean append %.2f ms, "
            + "mean command %.2f ms%n",
        issued,
        appends,
        issued / appends,
        appendSeconds / appends * 1000,
        commandSeconds / commands * 1000);
  }

  private static double metric(String text, String name) {
    Matcher m =
        Pattern.compile("(?m)^" + name + "\\{[^}]*hall=\"city\"[^}]*\\} (\\S+)").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
  }

  private static void print(String label, LoadDriver.Round r) {
    System.out.printf(
        Locale.ROOT,
        "%-8s %-6s %9.0f/s  (%d ok, %d other status, %d failed)%n",
        label,
        r.target(),
        r.perSecond(),
        r.ok(),
        r.other(),
        r.failed());
  }
}
