package cn.suixin.hall.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store, needing no server: hall journals under {@code <data>/journal/<hall>.log},
 * their snapshots under {@code <data>/snapshots/<hall>.snap} and records in {@code
 * <data>/records.log}. Files open in the background; the first operations on a journal or the
 * record store simply queue behind the opening.
 */
public final class EmbeddedJournalStore implements JournalStore {

  private final Vertx vertx;
  private final Path journalDirectory;
  private final Path snapshotDirectory;
  private final Map<String, FileHallJournal> journals = new ConcurrentHashMap<>();
  private final Map<String, FileHallSnapshots> snapshots = new ConcurrentHashMap<>();
  private final FileRecordStore records;

  public EmbeddedJournalStore(Vertx vertx, Path dataDirectory) {
    this.vertx = vertx;
    this.journalDirectory = dataDirectory.resolve("journal");
    this.snapshotDirectory = dataDirectory.resolve("snapshots");
    this.records =
        new FileRecordStore(vertx, dataDirectory, FileRecordStore.DEFAULT_COMPACTION_MIN_BYTES);
  }

  @Override
  public HallJournal journal(String hallId) {
    // A journal closed on its own (say, to rebuild a hall after a failed append) is reopened.
    return journals.compute(
        hallId,
        (id, open) -> {
          if (open == null) {
            return new FileHallJournal(vertx, journalDirectory, id);
          }
          return open.isClosing()
              ? new FileHallJournal(vertx, journalDirectory, id, open.released())
              : open;
        });
  }

  /** The same instance for the same hall until the store is closed. */
  @Override
  public HallSnapshots snapshots(String hallId) {
    return snapshots.computeIfAbsent(
        hallId, id -> new FileHallSnapshots(vertx, snapshotDirectory, id));
  }

  @Override
  public RecordStore records() {
    return records;
  }

  /** Files on the node's own disk: a failing disk shows in the appends themselves, not here. */
  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    journals.values().forEach(journal -> closing.add(journal.close()));
    journals.clear();
    snapshots.values().forEach(hall -> closing.add(hall.close()));
    snapshots.clear();
    closing.add(records.close());
    return Future.join(closing).mapEmpty();
  }
}
