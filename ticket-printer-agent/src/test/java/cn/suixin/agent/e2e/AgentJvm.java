package cn.suixin.agent.e2e;

import cn.suixin.agent.AgentOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The agent program as its own JVM, started the way an installer starts it, so a test can look at
 * what every user of the PC sees of it (its command line) and at what it prints.
 */
final class AgentJvm implements AutoCloseable {
  private final Process process;
  private final Path log;
  private final int localPort;

  private AgentJvm(Process process, Path log, int localPort) {
    this.process = process;
    this.log = log;
    this.localPort = localPort;
  }

  /** {@code env} is all the agent gets of a token variable: the test JVM's own is not passed on. */
  static AgentJvm start(Path log, Map<String, String> env, int localPort, String... args)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m",
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                "cn.suixin.agent.AgentMain",
                "--local-port",
                String.valueOf(localPort)));
    command.addAll(List.of(args));
    ProcessBuilder b =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // The JDK shows the arguments of a command line only up to 4 KiB, shorter than the test
    // classpath: the launcher takes that from the environment, as a jar's manifest would give it.
    b.environment().put("CLASSPATH", System.getProperty("java.class.path"));
    b.environment().remove(AgentOptions.TOKEN_VARIABLE);
    b.environment().putAll(env);
    return new AgentJvm(b.start(), log, localPort);
  }

  /** The arguments as the operating system lists them for ps (/proc/PID/cmdline on Linux). */
  List<String> arguments() {
    return List.of(
        process
            .toHandle()
            .info()
            .arguments()
            .orElseThrow(() -> new AssertionError("the OS does not show the agent's arguments")));
  }

  String commandLine() {
    return process
        .toHandle()
        .info()
        .commandLine()
        .orElseThrow(() -> new AssertionError("the OS does not show the agent's command line"));
  }

  /** What the agent's local endpoint says; fails while it is not listening yet. */
  boolean linkUp() throws Exception {
    return new HttpCalls(URI.create("http://127.0.0.1:" + localPort))
        .get("/health", null)
        .getBoolean("linkUp");
  }

  int exitCode() throws InterruptedException {
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      throw new AssertionError("the agent did not exit; see " + log);
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
