package cn.suixin.hall.server.crash;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/**
 * A hall server in its own JVM, started the way operators start it ({@code Main --demo --data DIR
 * --port 0}) on the test class path. It listens on a port the OS picks, read back from the server's
 * own log line, so parallel runs never race for a port. {@link #kill()} is SIGKILL: no shutdown
 * hook, no flush, exactly a power cut as far as the journal is concerned.
 */
public final class ServerProcess implements AutoCloseable {
  /** The shipped configuration; Surefire runs tests from the module folder. */
  public static final Path SHIPPED_CONFIG = Path.of("..", "config").toAbsolutePath().normalize();

  /** Exit status of a JVM ended by SIGKILL (128 + 9). */
  public static final int SIGKILL_EXIT = 137;

  private static final Pattern SERVING = Pattern.compile("serving \\d+ halls on port (\\d+)");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  /**
   * What new hashes get in these processes ({@code -Dsuixin.password.iterations}, test-only); see
   * launch.
   */
  public static final int PASSWORD_ITERATIONS = 20_000;

  /** Children still running; killed if the test JVM ends first, so none outlives a failed build. */
  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(Process::destroyForcibly), "hall-server-children"));
  }

  private final Process process;
  private final ProcessOutput output;
  private final int port;

  private ServerProcess(Process process, ProcessOutput output, int port) {
    this.process = process;
    this.output = output;
    this.port = port;
  }

  /**
   * Starts a demo server on {@code data} with the shipped configuration; returns once /ready says
   * 200.
   */
  public static ServerProcess start(Path data) throws IOException, InterruptedException {
    return builder(data).start();
  }

  public static ServerProcess start(Path config, Path data)
      throws IOException, InterruptedException {
    return builder(data).config(config).start();
  }

  /** With further flags, e.g. {@code --store redis --redis URI --cluster ...}. */
  public static ServerProcess start(Path config, Path data, List<String> flags)
      throws IOException, InterruptedException {
    return builder(data).config(config).flags(flags).start();
  }

  /** A server process to be set up further before {@link Builder#start()}. */
  public static Builder builder(Path data) {
    return new Builder(data);
  }

  /**
   * How the next server process starts: {@code Main --demo --config C --data D --port P} plus flags
   * and properties.
   */
  public static final class Builder {
    private final Path data;
    private Path config = SHIPPED_CONFIG;
    private int port;
    private final List<String> flags = new ArrayList<>();
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(Path data) {
      this.data = data;
    }

    public Builder config(Path folder) {
      this.config = folder;
      return this;
    }

    /**
     * A fixed port, so clients (an agent) find a restarted server where they expect it; 0 (the
     * default) lets the OS pick.
     */
    public Builder port(int wanted) {
      this.port = wanted;
      return this;
    }

    /** Further command-line flags, e.g. {@code --store redis --redis URI --cluster ...}. */
    public Builder flags(List<String> more) {
      flags.addAll(more);
      return this;
    }

    /** A {@code -Dkey=value} for the child JVM, on top of the ones every server process gets. */
    public Builder systemProperty(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /** Starts the process and returns once {@code /ready} says 200. */
    public ServerProcess start() throws IOException, InterruptedException {
      Path configFolder = config.toAbsolutePath();
      Path dataFolder = data.toAbsolutePath();
      // The JVM's working and temp folder (Vert.x file cache) and the output copies sit beside the
      // data folder, so the data folder holds only what the server itself writes.
      Path work = dataFolder.resolveSibling(dataFolder.getFileName() + "-run");
      Files.createDirectories(work);
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--demo",
                  "--config",
                  configFolder.toString(),
                  "--data",
                  dataFolder.toString(),
                  "--port",
                  String.valueOf(port)));
      args.addAll(flags);
      Process process = launch(work, properties, args.toArray(String[]::new));
      ProcessOutput output =
          new ProcessOutput(process.getInputStream(), logFile(work, "server"), "hall-server");
      Matcher serving = output.await(SERVING, START_TIMEOUT).orElse(null);
      if (serving == null) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        throw new IllegalStateException("the server did not start; its output:\n" + output.text());
      }
      ServerProcess server = new ServerProcess(process, output, Integer.parseInt(serving.group(1)));
      server.awaitReady();
      return server;
    }
  }

  /**
   * Runs {@code Main} with {@code args} to completion (admin commands, a start that must fail),
   * feeding {@code stdin} if given.
   */
  public static Finished run(Path workDir, String stdin, String... args)
      throws IOException, InterruptedException {
    Files.createDirectories(workDir);
    Process process = launch(workDir, Map.of(), args);
    ProcessOutput output =
        new ProcessOutput(process.getInputStream(), logFile(workDir, "main"), "hall-main");
    try (OutputStream in = process.getOutputStream()) {
      if (stdin != null) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
    }
    if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException(
          "Main " + String.join(" ", args) + " did not end; output:\n" + output.text());
    }
    output.awaitEnd(Duration.ofSeconds(5));
    return new Finished(process.exitValue(), output.lines());
  }

  /** What a process that ran to its end left behind. */
  public record Finished(int exitCode, List<String> lines) {
    public String text() {
      return String.join("\n", lines);
    }
  }

  /** {@code devices add --kind kiosk --hall HALL} in its own process; returns the device token. */
  public static String addKiosk(Path data, String hall) throws IOException, InterruptedException {
    Finished added =
        run(
            data.resolveSibling(data.getFileName() + "-admin"),
            null,
            "devices",
            "add",
            "--kind",
            "kiosk",
            "--hall",
            hall,
            "--config",
            SHIPPED_CONFIG.toString(),
            "--data",
            data.toString());
    if (added.exitCode() != 0) {
      throw new IllegalStateException("devices add failed:\n" + added.text());
    }
    List<String> lines = added.lines();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).contains("token (shown once)")) {
        return lines.get(i + 1).trim();
      }
    }
    throw new IllegalStateException("devices add printed no token:\n" + added.text());
  }

  /** {@code users add --role ROLE --hall HALL --password-stdin} in its own process. */
  public static void addUser(
      Path data, String username, String role, String hall, String staffNo, String password)
      throws IOException, InterruptedException {
    Finished added =
        run(
            data.resolveSibling(data.getFileName() + "-admin"),
            password + "\n",
            "users",
            "add",
            "--username",
            username,
            "--role",
            role,
            "--hall",
            hall,
            "--staff-no",
            staffNo,
            "--password-stdin",
            "--config",
            SHIPPED_CONFIG.toString(),
            "--data",
            data.toString());
    if (added.exitCode() != 0) {
      throw new IllegalStateException("users add failed:\n" + added.text());
    }
  }

  /**
   * C1 only: a server up in half the time on a busy machine, and fast enough for these tests. C1
   * runs PBKDF2 six times slower than C2 (over a second at 600,000 iterations), and no test here is
   * about password cost (FailedLoginsTest is, in the test JVM), so these processes hash with the
   * test-only lower count, and accounts seeded for them ({@link DataSeed}) are hashed with it too.
   */
  private static Process launch(Path dir, Map<String, String> properties, String... args)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new ArrayList<>(
            List.of(
                java,
                "-Xmx256m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-Dsuixin.password.iterations=" + PASSWORD_ITERATIONS,
                // snapshots every 97 events, so crash tests restart from a snapshot and a tail at
                // odd points
                "-Dsuixin.snapshot.every=97",
                "-Djava.io.tmpdir=" + dir.toAbsolutePath()));
    properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
    command.addAll(
        List.of("-cp", System.getProperty("java.class.path"), "cn.suixin.hall.server.app.Main"));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    LIVE.add(process);
    process.onExit().thenRun(() -> LIVE.remove(process));
    return process;
  }

  private static Path logFile(Path dir, String name) {
    for (int i = 1; ; i++) {
      Path candidate = dir.resolve(name + "-" + i + ".out");
      if (!Files.exists(candidate)) {
        return candidate;
      }
    }
  }

  private void awaitReady() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    try {
      Awaitility.await("/ready of server pid " + process.pid())
          .atMost(START_TIMEOUT)
          .pollInterval(Duration.ofMillis(100))
          .ignoreException(IOException.class)
          .failFast("the server process exited", () -> !process.isAlive())
          .until(
              () ->
                  http.send(
                              HttpRequest.newBuilder(uri("/ready"))
                                  .timeout(Duration.ofSeconds(2))
                                  .build(),
                              HttpResponse.BodyHandlers.discarding())
                          .statusCode()
                      == 200);
    } catch (ConditionTimeoutException | TerminalFailureException e) {
      throw new IllegalStateException("/ready never answered 200; output:\n" + output.text(), e);
    }
  }

  public int port() {
    return port;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public ProcessOutput output() {
    return output;
  }

  /** SIGKILL, then waits for the exit; returns the exit status ({@link #SIGKILL_EXIT} on Linux). */
  public int kill() throws InterruptedException {
    process.destroyForcibly();
    return awaitExit();
  }

  /** SIGTERM: the shutdown hook stops the halls and closes the journal; returns the exit status. */
  public int stop() throws InterruptedException {
    process.destroy();
    return awaitExit();
  }

  private int awaitExit() throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
      throw new IllegalStateException("server pid " + process.pid() + " did not exit in 30 s");
    }
    output.awaitEnd(Duration.ofSeconds(5));
    return process.exitValue();
  }

  /** Never leaves a server behind, whatever the test did. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
