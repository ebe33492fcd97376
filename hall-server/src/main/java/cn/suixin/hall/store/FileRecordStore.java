package cn.suixin.hall.store;

import cn.suixin.hall.store.RecordMutation.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded record store: an append-only log {@code <data>/records.log} replayed into memory.
 *
 * <p>Several processes may share it (the server and a short-lived admin command): each write batch
 * holds {@code records.lock} while it catches up with frames others appended, decides, writes and
 * forces once; reads first tail whatever others appended since the size last seen. A log grown past
 * twice its live size is rewritten and atomically renamed; other processes notice the new file by
 * its file key and reload.
 */
public final class FileRecordStore implements RecordStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileRecordStore.class);
  static final long DEFAULT_COMPACTION_MIN_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final SerialLane lane;
  private final ArrayDeque<RecordMutation> pending = new ArrayDeque<>();
  private Future<Void> closed;
  private final Future<Void> opened;

  // Confined to the lane's thread.
  private final RecordLog log;
  private Throwable unusable = new IllegalStateException("record store not open yet");

  /** {@code compactionMinBytes} spares small logs the churn of compacting after every write. */
  FileRecordStore(Vertx vertx, Path dataDirectory, long compactionMinBytes) {
    this.vertx = vertx;
    this.log = new RecordLog(dataDirectory, compactionMinBytes);
    this.lane = new SerialLane(vertx, "record-store");
    this.opened =
        lane.submit(
            () -> {
              try {
                log.reload();
                unusable = null;
              } catch (Exception e) {
                unusable = new IllegalStateException("record store could not open", e);
                throw e;
              }
              return null;
            });
  }

  public static Future<FileRecordStore> open(Vertx vertx, Path dataDirectory) {
    FileRecordStore store = new FileRecordStore(vertx, dataDirectory, DEFAULT_COMPACTION_MIN_BYTES);
    return store.opened.map(store);
  }

  @Override
  public Future<Void> put(String collection, String key, JsonObject value) {
    return mutate(Kind.PUT, collection, key, value).mapEmpty();
  }

  @Override
  public Future<JsonObject> putIfAbsent(String collection, String key, JsonObject value) {
    return mutate(Kind.PUT_IF_ABSENT, collection, key, value);
  }

  @Override
  public Future<Void> remove(String collection, String key) {
    return mutate(Kind.REMOVE, collection, key, null).mapEmpty();
  }

  @Override
  public Future<JsonObject> get(String collection, String key) {
    return lane.submit(
        () -> {
          refresh();
          JsonObject value = log.table().get(collection, key);
          return value == null ? null : value.copy();
        });
  }

  @Override
  public Future<List<JsonObject>> list(String collection) {
    return lane.submit(
        () -> {
          refresh();
          return log.table().list(collection);
        });
  }

  @Override
  public Future<Void> close() {
    synchronized (pending) {
      if (closed == null) {
        closed =
            lane.submit(
                () -> {
                  flushPending();
                  unusable = new IllegalStateException("record store is closed");
                  log.close();
                  return null;
                });
        lane.shutdown();
      }
      return closed;
    }
  }

  long forceCount() {
    return log.forceCount();
  }

  long compactionCount() {
    return log.compactionCount();
  }

  private Future<JsonObject> mutate(Kind kind, String collection, String key, JsonObject value) {
    Objects.requireNonNull(collection, "collection");
    Objects.requireNonNull(key, "key");
    if (kind != Kind.REMOVE) {
      Objects.requireNonNull(value, "value");
    }
    Promise<JsonObject> promise = Promise.promise();
    // Copied now: the caller may keep changing its object while the write waits.
    JsonObject copy = value == null ? null : value.copy();
    synchronized (pending) {
      if (closed != null) {
        return Future.failedFuture(new IllegalStateException("record store is closed"));
      }
      pending.add(
          new RecordMutation(kind, collection, key, copy, vertx.getOrCreateContext(), promise));
    }
    // As in the journal: one flush per write, so a read queued after a write sees it.
    lane.execute(this::flushPending);
    return promise.future();
  }

  private void flushPending() {
    List<RecordMutation> group;
    synchronized (pending) {
      if (pending.isEmpty()) {
        return;
      }
      group = new ArrayList<>(pending);
      pending.clear();
    }
    if (unusable != null) {
      group.forEach(m -> m.fail(unusable));
      return;
    }
    List<JsonObject> results;
    try {
      results = log.write(group);
    } catch (Exception e) {
      LOG.error("Record store write of {} changes failed", group.size(), e);
      recover();
      group.forEach(m -> m.fail(e));
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).succeed(results.get(i));
    }
  }

  private void refresh() throws Exception {
    if (unusable != null) {
      throw new IllegalStateException("record store cannot be read", unusable);
    }
    log.refresh();
  }

  /** Memory may hold the failed batch's changes: rebuild it from the file. */
  private void recover() {
    try {
      log.reload();
    } catch (Exception e) {
      unusable = new IllegalStateException("record store could not reload; reopen it", e);
      LOG.error("Record store is unusable until reopened", e);
    }
  }
}
