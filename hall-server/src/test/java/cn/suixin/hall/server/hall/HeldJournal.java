package cn.suixin.hall.server.hall;

import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real journal whose appends can be held back, like a store that has stopped answering: while
 * held, each append waits (its future stays open) until {@link #release}, which hands them to the
 * real journal in order, each on the context that asked, as the contract says.
 */
public final class HeldJournal implements HallJournal {
  private final HallJournal journal;
  private final List<Waiting> waiting = new ArrayList<>();
  private final List<Integer> batchSizes = new CopyOnWriteArrayList<>();
  private boolean held;

  private record Waiting(List<JournalEntry> batch, Promise<Void> done, Context context) {}

  public HeldJournal(HallJournal journal) {
    this.journal = journal;
  }

  public synchronized void hold() {
    held = true;
  }

  /** Lets every held append through, then appends pass straight on. */
  public void release() {
    List<Waiting> go;
    synchronized (this) {
      held = false;
      go = new ArrayList<>(waiting);
      waiting.clear();
    }
    go.forEach(w -> w.context().runOnContext(v -> journal.append(w.batch()).onComplete(w.done())));
  }

  /** Appends waiting for {@link #release}. */
  public synchronized int waitingAppends() {
    return waiting.size();
  }

  /** The number of entries of every append asked for so far, held ones included. */
  public List<Integer> batchSizes() {
    return batchSizes;
  }

  @Override
  public Future<Void> append(List<JournalEntry> batch) {
    batchSizes.add(batch.size());
    synchronized (this) {
      if (held) {
        Promise<Void> done = Promise.promise();
        waiting.add(new Waiting(batch, done, Vertx.currentContext()));
        return done.future();
      }
    }
    return journal.append(batch);
  }

  @Override
  public Future<List<JournalEntry>> readFrom(long seqInclusive, int max) {
    return journal.readFrom(seqInclusive, max);
  }

  @Override
  public Future<Long> lastSeq() {
    return journal.lastSeq();
  }

  @Override
  public Future<Void> close() {
    release();
    return journal.close();
  }
}
