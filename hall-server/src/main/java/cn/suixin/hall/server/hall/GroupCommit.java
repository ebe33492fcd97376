package cn.suixin.hall.server.hall;

import cn.suixin.hall.store.HallJournal;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.function.LongConsumer;

/**
 * The commands waiting for a hall's next group commit, and the commit itself: everything that
 * arrived while the last batch was written is decided into the next one (up to MAX_BATCH) and
 * appended to the journal in one write, so throughput does not pay one fsync per command.
 */
final class GroupCommit {
  static final int MAX_BATCH = 2048;
  private final String hall;
  private final HallJournal journal;
  private final PendingWatch watch;
  private final ArrayDeque<PendingCommand> pending = new ArrayDeque<>();

  GroupCommit(String hall, HallJournal journal, PendingWatch watch) {
    this.hall = hall;
    this.journal = journal;
    this.watch = watch;
  }

  void add(PendingCommand p) {
    pending.add(p);
    watch.arrived(p.arrivedNanos());
  }

  boolean hasPending() {
    return !pending.isEmpty();
  }

  /** Tells the watchdog that everything before the next pending command is answered. */
  void answeredSoFar() {
    watch.answeredUpTo(pending.peek());
  }

  /** Decides pending commands into one batch; a command whose deciding broke the engine ends it. */
  Batch decide(CommandDecider decider) {
    Batch batch = new Batch(hall);
    while (!pending.isEmpty() && batch.commands() < MAX_BATCH && !batch.broken()) {
      decider.decide(pending.poll(), batch);
    }
    return batch;
  }

  /** Appends the batch's entries; a journal that throws fails the append the same way. */
  Future<Void> append(Batch batch, LongConsumer took) {
    long start = System.nanoTime();
    Future<Void> append;
    try {
      append = journal.append(batch.entries());
    } catch (RuntimeException e) {
      append = Future.failedFuture(e);
    }
    return append.andThen(
        ar ->
            Faults.guard(
                hall, "recording the append", () -> took.accept(System.nanoTime() - start)));
  }

  /** Answers every command still waiting with the same refusal, and forgets them. */
  void refusePending(JsonObject why) {
    pending.forEach(p -> p.answer(why));
    pending.clear();
  }
}
