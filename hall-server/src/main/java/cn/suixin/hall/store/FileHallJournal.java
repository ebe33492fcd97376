package cn.suixin.hall.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded journal: one append-only file per hall, {@code <journalDir>/<hall>.log}.
 *
 * <p>Appends are group-committed: whatever arrives while a write and fsync are in flight goes out
 * in the next single write and fsync, so a busy hall pays one fsync per batch of commands instead
 * of one per command. All file work runs on the journal's own {@link SerialLane}; only the queue of
 * pending appends is shared with callers.
 */
public final class FileHallJournal implements HallJournal {

  private static final Logger LOG = LoggerFactory.getLogger(FileHallJournal.class);

  private final Vertx vertx;
  private final String hallId;
  private final SerialLane lane;
  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private Future<Void> closed;
  private final Future<Void> opened;
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  // Confined to the lane's thread.
  private final JournalFile file;
  private Throwable unusable = new IllegalStateException("journal not open yet");

  FileHallJournal(Vertx vertx, Path directory, String hallId) {
    this(vertx, directory, hallId, CompletableFuture.completedFuture(null));
  }

  /** Opens once {@code previous} has let go of the file, for reopening a closed journal. */
  FileHallJournal(Vertx vertx, Path directory, String hallId, CompletableFuture<Void> previous) {
    this.vertx = vertx;
    this.hallId = HallIds.requireFileName(hallId);
    this.file = new JournalFile(directory, hallId);
    this.lane = new SerialLane(vertx, "hall-journal-" + hallId);
    this.opened =
        lane.submit(
            () -> {
              previous.join();
              try {
                file.open();
                unusable = null;
              } catch (Exception e) {
                unusable = new IllegalStateException("journal of " + hallId + " could not open", e);
                throw e;
              }
              return null;
            });
  }

  /** Opens (creating if needed) the journal of a hall, cutting off a torn tail first. */
  public static Future<FileHallJournal> open(Vertx vertx, Path journalDirectory, String hallId) {
    FileHallJournal journal = new FileHallJournal(vertx, journalDirectory, hallId);
    return journal.opened.map(journal);
  }

  @Override
  public Future<Void> append(List<JournalEntry> batch) {
    if (batch.isEmpty()) {
      return Future.succeededFuture();
    }
    String invalid = shapeProblem(batch);
    if (invalid != null) {
      return Future.failedFuture(new IllegalArgumentException(invalid));
    }
    Promise<Void> promise = Promise.promise();
    synchronized (pending) {
      if (closed != null) {
        return Future.failedFuture(
            new IllegalStateException("journal of " + hallId + " is closed"));
      }
      pending.add(new PendingAppend(List.copyOf(batch), vertx.getOrCreateContext(), promise));
    }
    // One flush per append: the first to run takes everything queued, the rest find nothing, and
    // a read queued after an append runs after its write. If the lane is already shut down,
    // close() has flushed this append itself.
    lane.execute(this::flushPending);
    return promise.future();
  }

  @Override
  public Future<List<JournalEntry>> readFrom(long seqInclusive, int max) {
    return lane.submit(
        () -> {
          checkUsable();
          return file.read(seqInclusive, max);
        });
  }

  @Override
  public Future<Long> lastSeq() {
    return lane.submit(
        () -> {
          checkUsable();
          return file.lastSeq();
        });
  }

  @Override
  public Future<Void> close() {
    synchronized (pending) {
      if (closed == null) {
        closed =
            lane.submit(
                () -> {
                  try {
                    flushPending();
                    unusable = new IllegalStateException("journal of " + hallId + " is closed");
                    file.close();
                  } finally {
                    released.complete(null);
                  }
                  return null;
                });
        lane.shutdown();
      }
      return closed;
    }
  }

  /** Completes on the journal's own thread once the file is let go, whatever the outcome. */
  CompletableFuture<Void> released() {
    return released;
  }

  boolean isClosing() {
    synchronized (pending) {
      return closed != null;
    }
  }

  /** How many times the file was forced: the test hook that shows appends were coalesced. */
  long forceCount() {
    return file.forceCount();
  }

  /** Test hook: the next write stops halfway and fails, like a full disk would. */
  void failNextWrite() {
    file.failNextWrite();
  }

  private void flushPending() {
    List<PendingAppend> group;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      group = new ArrayList<>(pending);
      pending.clear();
    }
    List<PendingAppend> accepted = new ArrayList<>(group.size());
    List<JournalEntry> entries = new ArrayList<>();
    int bytes = 0;
    for (PendingAppend append : group) {
      long next = file.lastSeq() + entries.size() + 1;
      if (unusable != null) {
        append.fail(unusable);
      } else if (append.firstSeq() != next) {
        // Typically the rest of a failed batch's successors: the writer rebuilds and retries.
        append.fail(
            new IllegalArgumentException(
                "journal of "
                    + hallId
                    + " expects seq "
                    + next
                    + " but the batch starts at "
                    + append.firstSeq()));
      } else {
        accepted.add(append);
        entries.addAll(append.entries());
        bytes += append.bytes();
      }
    }
    if (accepted.isEmpty()) {
      return;
    }
    try {
      file.append(entries, bytes);
    } catch (Exception e) {
      LOG.error(
          "Journal of hall {}: write of {} entries failed; failing their appends",
          hallId,
          entries.size(),
          e);
      if (e instanceof JournalUnusableException) {
        unusable = e;
      }
      accepted.forEach(append -> append.fail(e));
      return;
    }
    accepted.forEach(PendingAppend::succeed);
  }

  private void checkUsable() {
    if (unusable != null) {
      throw new IllegalStateException("journal of " + hallId + " cannot be used", unusable);
    }
  }

  private static String shapeProblem(List<JournalEntry> batch) {
    for (int i = 1; i < batch.size(); i++) {
      if (batch.get(i).seq() != batch.get(i - 1).seq() + 1) {
        return "batch seqs must be contiguous, found "
            + batch.get(i - 1).seq()
            + " then "
            + batch.get(i).seq();
      }
    }
    for (JournalEntry entry : batch) {
      if (entry.payload().length > Frames.MAX_PAYLOAD) {
        return "payload of seq " + entry.seq() + " exceeds " + Frames.MAX_PAYLOAD + " bytes";
      }
    }
    return null;
  }
}
