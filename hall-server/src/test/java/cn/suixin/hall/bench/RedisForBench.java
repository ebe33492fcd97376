package cn.suixin.hall.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A durable redis-server for a benchmark run (append-only file, fsync always, as production must
 * run it), and redis-benchmark's XADD rate against it as the yardstick.
 */
final class RedisForBench {
  private static final Pattern RATE = Pattern.compile("([0-9]+(?:\\.[0-9]+)?) requests per second");
  private final Process process;
  private final int port;

  private RedisForBench(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static RedisForBench start(Path data) throws IOException, InterruptedException {
    Path dir = Files.createDirectories(data.resolve("redis"));
    int port = BenchSupport.freePort();
    Process p =
        new ProcessBuilder(
                "redis-server",
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toString(),
                "--appendonly",
                "yes",
                "--appendfsync",
                "always",
                "--save",
                "")
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("redis.log").toFile())
            .start();
    RedisForBench redis = new RedisForBench(p, port);
    for (int i = 0; i < 100; i++) {
      if (redis.cli("PING").contains("PONG")) {
        return redis;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("redis-server did not answer PING");
  }

  String uri() {
    return "redis://127.0.0.1:" + port;
  }

  /** XADD on one connection with 16 commands in flight, the way the journal writer pipelines. */
  double xaddPerSecond() throws IOException, InterruptedException {
    String out =
        run(
            List.of(
                "redis-benchmark",
                "-p",
                Integer.toString(port),
                "-c",
                "1",
                "-P",
                "16",
                "-n",
                "200000",
                "-q",
                "XADD",
                "{bench}:events",
                "*",
                "e",
                "{\"type\":\"ticket.issued\",\"number\":\"A001\"}"));
    Matcher m = RATE.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException("no rate in redis-benchmark output: " + out);
    }
    return Double.parseDouble(m.group(1));
  }

  void stop() throws InterruptedException {
    process.destroy();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  private String cli(String... args) throws IOException, InterruptedException {
    List<String> command =
        new java.util.ArrayList<>(List.of("redis-cli", "-p", Integer.toString(port)));
    command.addAll(List.of(args));
    return run(command);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(120, TimeUnit.SECONDS);
    return out;
  }
}
