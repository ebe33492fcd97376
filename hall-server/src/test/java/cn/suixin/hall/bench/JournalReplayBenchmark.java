package cn.suixin.hall.bench;

import static cn.suixin.hall.bench.BenchSupport.await;

import cn.suixin.hall.store.FileHallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How long a node takes to open a hall's embedded journal of a hundred thousand events and read it
 * back, as a restart without a snapshot does: the speed check that FileHallJournalTest used to make
 * (well under two seconds), here where a busy build machine cannot make a test fail by it.
 *
 * <p>Arguments (all optional): rounds, events; exits 1 when the median is not under 2 s.
 */
public final class JournalReplayBenchmark {
  private static final long BUDGET_MS = 2000;

  private JournalReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int events = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Path dir = Files.createTempDirectory("suixin-bench-replay");
    Vertx vertx = Vertx.vertx();
    try {
      FileHallJournal writing = await(FileHallJournal.open(vertx, dir, "city"));
      List<Future<Void>> acks = new ArrayList<>();
      for (long seq = 1; seq <= events; seq += 1000) {
        List<JournalEntry> batch = new ArrayList<>();
        for (long s = seq; s < Math.min(seq + 1000, events + 1L); s++) {
          batch.add(
              new JournalEntry(
                  s,
                  ("{\"type\":\"TicketIssued\",\"seq\":" + s + ",\"number\":\"A" + s + "\"}")
                      .getBytes(StandardCharsets.UTF_8)));
        }
        acks.add(writing.append(batch));
      }
      await(Future.all(acks));
      await(writing.close());
      List<Double> millis = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        long t0 = System.nanoTime();
        FileHallJournal journal = await(FileHallJournal.open(vertx, dir, "city"));
        int read = await(journal.readFrom(1, events)).size();
        millis.add((System.nanoTime() - t0) / 1e6);
        await(journal.close());
        if (read != events) {
          throw new IllegalStateException("read " + read + " of " + events + " events");
        }
      }
      double median = BenchSupport.median(millis);
      System.out.printf(
          Locale.ROOT,
          "JournalReplayBenchmark, %s: open and replay %d events, median %.0f ms of %d"
              + " rounds (budget %d ms)%n",
          BenchSupport.loadAverage(),
          events,
          median,
          rounds,
          BUDGET_MS);
      if (median >= BUDGET_MS) {
        System.exit(1);
      }
    } finally {
      await(vertx.close());
      BenchSupport.deleteTree(dir);
    }
  }
}
