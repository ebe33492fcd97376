package cn.suixin.hall.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("A journal whose writer process is killed with SIGKILL")
class JournalCrashTest {

  @TempDir Path dir;

  @Test
  @DisplayName("still holds every acknowledged event exactly once, with contiguous seqs")
  void acknowledged_events_survive_kill(Vertx vertx) throws Exception {
    Set<Long> acked = ConcurrentHashMap.newKeySet();
    Process writer = startWriter();
    Thread reader = new Thread(() -> collectAcks(writer, acked), "crash-writer-stdout");
    reader.start();

    Awaitility.await("400 acks, or the writer's end")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(5))
        .until(() -> acked.size() >= 400 || !writer.isAlive());
    writer.destroyForcibly(); // SIGKILL: no shutdown hook, no flush, no close
    assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
    reader.join(10_000); // acks still in the pipe were acknowledged before the kill too
    assertThat(acked)
        .as("acks before the kill; writer stderr: %s", writerErrors())
        .hasSizeGreaterThanOrEqualTo(400);

    FileHallJournal journal =
        FileHallJournal.open(vertx, dir, "crash")
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    List<JournalEntry> entries =
        journal
            .readFrom(1, Integer.MAX_VALUE)
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    journal.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);

    List<Long> seqs = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      JournalEntry entry = entries.get(i);
      assertThat(entry.seq()).as("seq at position %d", i).isEqualTo(i + 1L);
      assertThat(JournalFixtures.seqOf(entry.payload())).isEqualTo(entry.seq());
      seqs.add(entry.seq());
    }
    long maxAcked = acked.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat((long) entries.size()).isGreaterThanOrEqualTo(maxAcked);
    assertThat(seqs).containsAll(acked).doesNotHaveDuplicates();
  }

  private Process startWriter() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            JournalCrashWriter.class.getName(),
            dir.toString(),
            "crash")
        .redirectError(dir.resolve("writer.err").toFile())
        .start();
  }

  private String writerErrors() throws Exception {
    String errors = Files.readString(dir.resolve("writer.err"));
    return errors.length() > 2000 ? errors.substring(0, 2000) : errors;
  }

  /** Logging shares the writer's stdout, so only lines with the ack prefix count. */
  private static void collectAcks(Process writer, Set<Long> acked) {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (line.startsWith(JournalCrashWriter.ACK)) {
          acked.add(Long.parseLong(line.substring(JournalCrashWriter.ACK.length()).trim()));
        }
      }
    } catch (Exception e) {
      // The pipe breaks when the writer dies; what was read so far is what counts.
    }
  }
}
