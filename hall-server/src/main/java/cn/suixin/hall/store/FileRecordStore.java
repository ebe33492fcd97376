package cn.suixin.hall.store;

import cn.suixin.hall.store.RecordMutation.Kind;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded record store: an append-only log {@code <data>/records.log} replayed into memory.
 *
 * <p>Several processes may share it (the server and a short-lived admin command): each write
 * batch holds {@code records.lock} while it catches up with frames others appended, decides, writes
 * and forces; reads first tail whatever others appended since the size last seen. A log grown past
 * twice its live size is rewritten and atomically renamed; other processes notice the new file by
 * its file key and reload.
 */
public final class FileRecordStore implements RecordStore {

  private static final Logger LOG = LoggerFactory.getLogger(FileRecordStore.class);
  static final int MAGIC = 0x53524543; // "SREC"
  static final long DEFAULT_COMPACTION_MIN_BYTES = 64 * 1024;

  private final Vertx vertx;
  private final Path directory;
  private final Path file;
  private final RecordLock lock;
  private final long compactionMinBytes;
  private final SerialLane lane;
  private final ArrayDeque<RecordMutation> pending = new ArrayDeque<>();
  private Future<Void> closed;
  private final AtomicLong forces = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private final Future<Void> opened;

  // Confined to the lane's thread.
  private final RecordTable table = new RecordTable();
  private FileChannel channel;
  private Object fileKey;
  private long seenSize;
  private long nextSeq = 1;
  private Throwable unusable = new IllegalStateException("record store not open yet");

  FileRecordStore(Vertx vertx, Path dataDirectory, long compactionMinBytes) {
    this.vertx = vertx;
    this.directory = dataDirectory;
    this.file = dataDirectory.resolve("records.log");
    this.lock = new RecordLock(dataDirectory.resolve("records.lock"));
    this.compactionMinBytes = compactionMinBytes;
    this.lane = new SerialLane(vertx, "record-store");
    this.opened = lane.submit(() -> {
      try {
        Files.createDirectories(directory);
        reload();
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
    return lane.submit(() -> {
      refresh();
      JsonObject value = table.get(collection, key);
      return value == null ? null : value.copy();
    });
  }

  @Override
  public Future<List<JsonObject>> list(String collection) {
    return lane.submit(() -> {
      refresh();
      return table.list(collection);
    });
  }

  @Override
  public Future<Void> close() {
    synchronized (pending) {
      if (closed == null) {
        closed = lane.submit(() -> {
          flushPending();
          unusable = new IllegalStateException("record store is closed");
          if (channel != null) {
            channel.close();
          }
          return null;
        });
        lane.shutdown();
      }
      return closed;
    }
  }

  long forceCount() {
    return forces.get();
  }

  long compactionCount() {
    return compactions.get();
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
      pending.add(new RecordMutation(kind, collection, key, copy, vertx.getOrCreateContext(), promise));
    }
    // As in the journal: one flush per write keeps reads queued after it seeing it.
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
    List<JsonObject> results = new ArrayList<>(group.size());
    try (RecordLock.Held held = lock.acquire()) {
      refreshLocked();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (RecordMutation mutation : group) {
        results.add(decide(mutation, out));
      }
      appendDurably(out.toByteArray());
      compactIfWorthIt();
    } catch (IOException | RuntimeException e) {
      LOG.error("Record store write of {} changes failed", group.size(), e);
      recover();
      group.forEach(m -> m.fail(e));
      return;
    }
    for (int i = 0; i < group.size(); i++) {
      group.get(i).succeed(results.get(i));
    }
  }

  /** Applies one write to memory and encodes its frame; returns what its caller is told. */
  private JsonObject decide(RecordMutation m, ByteArrayOutputStream out) {
    JsonObject existing = table.get(m.collection(), m.key());
    if (m.kind() == Kind.PUT_IF_ABSENT && existing != null) {
      return existing.copy();
    }
    if (m.kind() == Kind.REMOVE) {
      if (existing != null) {
        out.writeBytes(Frames.encode(MAGIC, nextSeq++, RecordTable.removePayload(m.collection(), m.key())));
        table.remove(m.collection(), m.key());
      }
      return null;
    }
    byte[] frame = Frames.encode(MAGIC, nextSeq++,
        RecordTable.putPayload(m.collection(), m.key(), m.value()));
    out.writeBytes(frame);
    table.put(m.collection(), m.key(), m.value(), frame.length);
    return null;
  }

  private void appendDurably(byte[] bytes) throws IOException {
    if (bytes.length == 0) {
      return;
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    try {
      while (buffer.hasRemaining()) {
        channel.write(buffer, seenSize + buffer.position());
      }
      channel.force(false);
    } catch (IOException e) {
      channel.truncate(seenSize); // leave no half batch for the next writer to cut off
      throw e;
    }
    forces.incrementAndGet();
    seenSize += bytes.length;
  }

  /** Memory may hold the failed batch's changes: rebuild it from the file. */
  private void recover() {
    try {
      reload();
    } catch (IOException | RuntimeException e) {
      unusable = new IllegalStateException("record store could not reload; reopen it", e);
      LOG.error("Record store is unusable until reopened", e);
    }
  }

  /** Catches up with other processes before a read, without taking the lock in the usual case. */
  private void refresh() throws IOException {
    if (unusable != null) {
      throw new IllegalStateException("record store cannot be read", unusable);
    }
    long size = channel.size();
    if (!Objects.equals(currentFileKey(), fileKey) || size < seenSize) {
      reload();
    } else if (size > seenSize) {
      tail(size); // a frame still being written by another process fails its check and waits
    }
  }

  private void refreshLocked() throws IOException {
    long size = channel.size();
    if (!Objects.equals(currentFileKey(), fileKey) || size < seenSize) {
      loadLocked();
    } else {
      tail(size);
      cutTornTail(size);
    }
  }

  private void reload() throws IOException {
    try (RecordLock.Held held = lock.acquire()) {
      loadLocked();
    }
  }

  private void loadLocked() throws IOException {
    if (channel != null) {
      channel.close();
    }
    boolean created = !Files.exists(file);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    if (created) {
      Directories.fsync(directory);
    }
    fileKey = currentFileKey(); // stable: nobody renames the log while we hold the lock
    table.clear();
    seenSize = 0;
    nextSeq = 1;
    long size = channel.size();
    tail(size);
    cutTornTail(size);
  }

  private void tail(long size) throws IOException {
    FrameScanner scanner = new FrameScanner(channel, MAGIC, seenSize, size);
    for (Frame frame = scanner.next(); frame != null; frame = scanner.next()) {
      table.apply(frame.payload());
      nextSeq = frame.seq() + 1;
      seenSize = frame.end();
    }
  }

  /** Only under the lock: then a bad tail is a crashed writer's, never one still writing. */
  private void cutTornTail(long size) throws IOException {
    if (seenSize < size) {
      LOG.warn("Record store: cut off a torn or corrupt tail of {} at offset {}, {} bytes dropped",
          file, seenSize, size - seenSize);
      channel.truncate(seenSize);
      channel.force(true);
    }
  }

  private void compactIfWorthIt() {
    if (seenSize < compactionMinBytes || seenSize <= 2 * table.liveBytes()) {
      return;
    }
    Path next = directory.resolve("records.log.compacting");
    try {
      ByteBuffer content = table.compacted(MAGIC);
      try (FileChannel out = FileChannel.open(next, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        while (content.hasRemaining()) {
          out.write(content);
        }
        out.force(true);
      }
      long before = seenSize;
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Directories.fsync(directory);
      compactions.incrementAndGet();
      loadLocked();
      LOG.info("Record store compacted from {} to {} bytes", before, seenSize);
    } catch (IOException e) {
      // The batch is already durable in the old log; compaction can wait for the next write.
      LOG.warn("Record store compaction failed; keeping the current log", e);
      recover();
    }
  }

  private Object currentFileKey() throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }
}
