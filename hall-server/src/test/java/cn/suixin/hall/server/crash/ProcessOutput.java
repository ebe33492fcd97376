package cn.suixin.hall.server.crash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a child process prints (stdout and stderr merged), kept in memory for assertions and
 * copied to a file so a failing run can be read afterwards. A reader thread drains the pipe, so a
 * chatty child never blocks on a full pipe.
 */
public final class ProcessOutput {
  private final List<String> lines = new ArrayList<>();
  private final Thread pump;
  private boolean ended;

  ProcessOutput(InputStream in, Path copy, String name) {
    pump = new Thread(() -> drain(in, copy), name + "-output");
    pump.setDaemon(true);
    pump.start();
  }

  private void drain(InputStream in, Path copy) {
    try (BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Writer file = Files.newBufferedWriter(copy, StandardCharsets.UTF_8)) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        file.write(line);
        file.write('\n');
        file.flush();
        synchronized (this) {
          lines.add(line);
          notifyAll();
        }
      }
    } catch (IOException e) {
      // the pipe breaks when the child is killed: what was read so far is all there is
    } finally {
      synchronized (this) {
        ended = true;
        notifyAll();
      }
    }
  }

  /**
   * The first line matching {@code pattern}, waiting for it; empty once the output ended without
   * one.
   */
  public Optional<Matcher> await(Pattern pattern, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      int checked = 0;
      while (true) {
        for (; checked < lines.size(); checked++) {
          Matcher m = pattern.matcher(lines.get(checked));
          if (m.find()) {
            return Optional.of(m);
          }
        }
        long left = deadline - System.nanoTime();
        if (ended || left <= 0) {
          return Optional.empty();
        }
        wait(Math.max(1, left / 1_000_000));
      }
    }
  }

  /** Waits until the child closed its output, so every line it printed is here. */
  public void awaitEnd(Duration timeout) throws InterruptedException {
    pump.join(timeout.toMillis());
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }

  public synchronized String text() {
    return String.join("\n", lines);
  }
}
