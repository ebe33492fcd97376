package cn.suixin.hall.store;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Run as its own JVM by {@link JournalCrashTest}: appends batches of 1..4 events without end,
 * several in flight at once, and prints {@code ack <seq>} for each event only once its append has
 * completed, i.e. once the journal says it is durable. The test kills it with SIGKILL mid-stream.
 */
public final class JournalCrashWriter {

  static final String ACK = "ack ";
  private static final int IN_FLIGHT = 8;

  private final HallJournal journal;
  private long nextSeq = 1;
  private int inFlight;

  private JournalCrashWriter(HallJournal journal) {
    this.journal = journal;
  }

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    // Started from an event loop so a non-daemon Vert.x thread keeps the JVM up until the kill.
    vertx.runOnContext(
        v ->
            FileHallJournal.open(vertx, Path.of(args[0]), args[1])
                .onSuccess(journal -> new JournalCrashWriter(journal).fill())
                .onFailure(
                    e -> {
                      e.printStackTrace();
                      System.exit(2);
                    }));
  }

  private void fill() {
    while (inFlight < IN_FLIGHT) {
      int count = ThreadLocalRandom.current().nextInt(1, 5);
      List<JournalEntry> batch = JournalFixtures.entries(nextSeq, count);
      nextSeq += count;
      inFlight++;
      journal
          .append(batch)
          .onComplete(
              ar -> {
                if (ar.failed()) {
                  ar.cause().printStackTrace();
                  System.exit(3);
                }
                StringBuilder acks = new StringBuilder();
                batch.forEach(e -> acks.append(ACK).append(e.seq()).append('\n'));
                System.out.print(acks);
                System.out.flush();
                inFlight--;
                fill();
              });
    }
  }
}
