package cn.suixin.agent.serial;

import cn.suixin.hall.testing.RequiredTool;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A virtual null-modem cable from socat, with both ends reachable through stable symlinks so a test
 * can pull the cable (stop) and plug a new one in at the same paths (start again).
 */
public final class SocatPair implements AutoCloseable {

  public static final Path SOCAT = RequiredTool.SOCAT.executable();
  private static final Pattern PTY = Pattern.compile("PTY is (\\S+)");

  private final Path linkA;
  private final Path linkB;
  private final List<String> ptys = new ArrayList<>();
  private Process process;

  public SocatPair(Path linkA, Path linkB) {
    this.linkA = linkA;
    this.linkB = linkB;
  }

  /**
   * Skips the calling test where socat is missing on a developer's machine; under CI=true a missing
   * socat fails it, so a CI machine without it can never pass with the serial tests skipped.
   */
  public static void assumeInstalled() {
    assumeInstalled(SOCAT, System.getenv());
  }

  static void assumeInstalled(Path socat, Map<String, String> env) {
    RequiredTool.SOCAT.require(socat, env);
  }

  /** Test-scoped symlink locations under target/, unique per name. */
  public static SocatPair inTarget(String name) {
    Path dir = Paths.get(System.getProperty("agent.build.directory", "target"), "tty");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new SocatPair(
        dir.resolve(name + "A").toAbsolutePath(), dir.resolve(name + "B").toAbsolutePath());
  }

  public String a() {
    return linkA.toString();
  }

  public String b() {
    return linkB.toString();
  }

  public SocatPair start() throws IOException, InterruptedException {
    Files.deleteIfExists(linkA);
    Files.deleteIfExists(linkB);
    ptys.clear();
    process =
        new ProcessBuilder(
                SOCAT.toString(),
                "-d",
                "-d",
                "pty,raw,echo=0,link=" + linkA,
                "pty,raw,echo=0,link=" + linkB)
            .start();
    CountDownLatch ready = new CountDownLatch(1);
    Process p = process;
    Thread drain =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  Matcher m = PTY.matcher(line);
                  if (m.find()) {
                    synchronized (ptys) {
                      ptys.add(m.group(1));
                    }
                  }
                  if (line.contains("starting data transfer loop")) {
                    ready.countDown();
                  }
                }
              } catch (IOException ignored) {
                // process ended
              }
            },
            "socat-stderr");
    drain.setDaemon(true);
    drain.start();
    if (!ready.await(10, TimeUnit.SECONDS)) {
      stop();
      throw new IllegalStateException("socat did not start");
    }
    return this;
  }

  public List<String> ptys() {
    synchronized (ptys) {
      return List.copyOf(ptys);
    }
  }

  /** Pulls the cable: both ptys vanish. */
  public void stop() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      process = null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
