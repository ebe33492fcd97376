package cn.suixin.hall.store.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A real {@code redis-server} for a test, on a free port with its files in a test folder. It can be
 * killed, stopped politely and started again on the same port and folder, as an outage would.
 */
public final class RedisProcess implements AutoCloseable {

  private static final String BINARY = "/usr/bin/redis-server";

  private final Path dir;
  private final int port;
  private final boolean appendOnly;
  private Process process;

  private RedisProcess(Path dir, int port, boolean appendOnly) {
    this.dir = dir;
    this.port = port;
    this.appendOnly = appendOnly;
  }

  /** A memory-only Redis: fast, and everything is gone after a restart. */
  public static RedisProcess inMemory(Path dir) throws IOException, InterruptedException {
    return start(dir, false);
  }

  /** A Redis that fsyncs its append-only file before answering each write. */
  public static RedisProcess durable(Path dir) throws IOException, InterruptedException {
    return start(dir, true);
  }

  private static RedisProcess start(Path dir, boolean appendOnly)
      throws IOException, InterruptedException {
    RedisProcess redis = new RedisProcess(dir, freePort(), appendOnly);
    redis.start();
    return redis;
  }

  public String uri() {
    return "redis://127.0.0.1:" + port;
  }

  int port() {
    return port;
  }

  public void start() throws IOException, InterruptedException {
    if (!java.nio.file.Files.isExecutable(Path.of(BINARY))) {
      throw new IllegalStateException(
          BINARY
              + " is missing: the Redis store tests need a real Redis"
              + " (apt-get install -y redis-server; it need not run as a service)");
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                BINARY,
                "--port",
                String.valueOf(port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--dir",
                dir.toString(),
                "--daemonize",
                "no"));
    if (appendOnly) {
      command.addAll(List.of("--appendonly", "yes", "--appendfsync", "always"));
    } else {
      command.addAll(List.of("--appendonly", "no"));
    }
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("redis.log").toFile()))
            .start();
    try {
      Awaitility.await("PING of redis-server on port " + port)
          .atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(20))
          .ignoreException(IOException.class)
          .failFast("redis-server exited", () -> !process.isAlive())
          .until(() -> command("PING"), "+PONG"::equals);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new IOException(
          "redis-server did not answer PING on port " + port + "; see " + dir.resolve("redis.log"),
          e);
    }
  }

  /** Like a crash: SIGKILL, no chance to write anything more. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /** SIGTERM: Redis finishes what it was doing and exits. */
  public void stop() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      kill();
    }
  }

  /** SIGSTOP: Redis keeps its connections open but answers nothing, like a wedged server. */
  void pause() throws IOException, InterruptedException {
    signal("-STOP");
  }

  void resume() throws IOException, InterruptedException {
    signal("-CONT");
  }

  private void signal(String signal) throws IOException, InterruptedException {
    new ProcessBuilder("kill", signal, String.valueOf(process.pid())).inheritIO().start().waitFor();
  }

  /**
   * Sends one inline command; returns the first line of the reply ({@code +OK}, {@code :3}...), or
   * for a bulk string its text.
   */
  String command(String... words) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write((String.join(" ", words) + "\r\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      String first = line(in);
      return first.startsWith("$") && !first.equals("$-1") ? line(in) : first;
    }
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("Redis closed the connection");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      kill();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
