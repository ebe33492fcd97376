package cn.suixin.hall.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default store, needing no server: hall journals under {@code <data>/journal/<hall>.log}
 * and records in {@code <data>/records.log}. Files open in the background; the first operations on
 * a journal or the record store simply queue behind the opening.
 */
public final class EmbeddedJournalStore implements JournalStore {

  private final Vertx vertx;
  private final Path journalDirectory;
  private final Map<String, FileHallJournal> journals = new ConcurrentHashMap<>();
  private final FileRecordStore records;

  public EmbeddedJournalStore(Vertx vertx, Path dataDirectory) {
    this.vertx = vertx;
    this.journalDirectory = dataDirectory.resolve("journal");
    this.records = new FileRecordStore(vertx, dataDirectory,
        FileRecordStore.DEFAULT_COMPACTION_MIN_BYTES);
  }

  @Override
  public HallJournal journal(String hallId) {
    // A journal closed on its own (say, to rebuild a hall after a failed append) is reopened.
    return journals.compute(hallId, (id, open) -> {
      if (open == null) {
        return new FileHallJournal(vertx, journalDirectory, id);
      }
      return open.isClosing() ? new FileHallJournal(vertx, journalDirectory, id, open.released()) : open;
    });
  }

  @Override
  public RecordStore records() {
    return records;
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    journals.values().forEach(journal -> closing.add(journal.close()));
    journals.clear();
    closing.add(records.close());
    return Future.join(closing).mapEmpty();
  }
}
