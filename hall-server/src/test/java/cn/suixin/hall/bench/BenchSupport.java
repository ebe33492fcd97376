package cn.suixin.hall.bench;

import io.vertx.core.Future;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Small helpers shared by the benchmark mains: statistics, ports, a child server JVM. */
final class BenchSupport {
  private BenchSupport() {}

  /** The repository's config folder, whether the bench runs from the root or from hall-server. */
  static Path configDir() {
    for (Path p : List.of(Path.of("config"), Path.of("..", "config"))) {
      if (Files.isDirectory(p.resolve("halls"))) {
        return p.toAbsolutePath().normalize();
      }
    }
    throw new IllegalStateException("no config/halls folder here or one level up");
  }

  /**
   * The 1, 5 and 15 minute load averages: on a shared 2-core machine, the context of every figure.
   */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return "load average "
          + f[0]
          + " "
          + f[1]
          + " "
          + f[2]
          + " on "
          + Runtime.getRuntime().availableProcessors()
          + " cores";
    } catch (IOException e) {
      return "load average unknown";
    }
  }

  static <T> T await(Future<T> f) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Nearest-rank percentile of an already sorted array. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Starts {@code Main --demo} in a child JVM on this classpath, its output going to {@code log}.
   * The child is the server under test; the caller's JVM only drives it.
   */
  static Process spawnServer(Path data, int port, Path log, String... jvmArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "cn.suixin.hall.server.app.Main",
            "--demo",
            "--config",
            configDir().toString(),
            "--data",
            data.toString(),
            "--port",
            Integer.toString(port)));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Starts {@code java -jar hall-server.jar --demo} as an operator would, from the shaded jar that
   * {@code mvn package} leaves in {@code target/}; fails if it has not been built.
   */
  static Process spawnServerJar(Path data, int port, Path log, String... jvmArgs)
      throws IOException {
    Path jar = Path.of("target", "hall-server.jar").toAbsolutePath();
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " is missing: run the benchmark with 'package', as docs/benchmarks.md does");
    }
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(List.of(jvmArgs));
    cmd.addAll(
        List.of(
            "-jar",
            jar.toString(),
            "--demo",
            "--config",
            configDir().toString(),
            "--data",
            data.toString(),
            "--port",
            Integer.toString(port)));
    return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  static HttpClient plainClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(1))
        .build();
  }

  /** GET returning the status, or -1 while nothing listens yet. */
  static int status(HttpClient client, String url) {
    try {
      return client
          .send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String get(HttpClient client, String url) {
    return get(client, url, null);
  }

  /** With an Authorization header, e.g. the metrics token. */
  static String get(HttpClient client, String url, String authorization) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly().waitFor();
    }
  }

  static void deleteTree(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temp folder left behind is harmless
    }
  }
}
