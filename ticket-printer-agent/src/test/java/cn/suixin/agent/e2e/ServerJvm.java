package cn.suixin.agent.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * hall-server in demo mode as its own JVM (the test classpath holds it), so a test can kill it
 * with SIGKILL, mid-write, as a power cut would, and start it again on the same data.
 */
final class ServerJvm {
  private static final Pattern KIOSK = Pattern.compile("kiosk token\\s+(\\S+)");
  private static final Pattern AGENT = Pattern.compile("SUIXIN_AGENT_TOKEN=(\\S+)");
  private final Path data;
  private final int port;
  private final Path log;
  private Process process;
  private String kioskToken;
  private String agentToken;

  ServerJvm(Path data, int port, Path log) {
    this.data = data;
    this.port = port;
    this.log = log;
  }

  /** Starts and waits for the demo banner with the new kiosk and agent tokens. */
  ServerJvm start() throws Exception {
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    process = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        "cn.suixin.hall.server.app.Main", "--config", Path.of("..", "config").toAbsolutePath().toString(),
        "--data", data.toString(), "--port", String.valueOf(port), "--demo")
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    CompletableFuture<Void> banner = new CompletableFuture<>();
    Process p = process;
    Thread reader = new Thread(() -> {
      try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          Matcher k = KIOSK.matcher(line);
          if (k.find()) {
            kioskToken = k.group(1);
          }
          Matcher a = AGENT.matcher(line);
          if (a.find()) {
            agentToken = a.group(1);
            banner.complete(null);
          }
        }
      } catch (IOException ignored) {
        // the process went away
      }
      banner.completeExceptionally(new IllegalStateException("hall-server exited before its banner; see " + log));
    }, "server-jvm-out");
    reader.setDaemon(true);
    reader.start();
    banner.get(90, TimeUnit.SECONDS);
    return this;
  }

  /** SIGKILL: no shutdown hook, no close frame, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
  }

  String kioskToken() {
    return kioskToken;
  }

  String agentToken() {
    return agentToken;
  }
}
