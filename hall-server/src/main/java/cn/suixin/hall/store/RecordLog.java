package cn.suixin.hall.store;

import cn.suixin.hall.store.RecordMutation.Kind;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code records.log} as seen by one process: the in-memory table, the size read so far and the
 * identity of the file read, so frames appended by other processes are tailed and a log replaced by
 * another process's compaction is reloaded. Not thread-safe: only the store's lane touches it.
 */
final class RecordLog {

  private static final Logger LOG = LoggerFactory.getLogger(RecordLog.class);
  static final int MAGIC = 0x53524543; // "SREC"

  private final Path directory;
  private final Path file;
  private final RecordLock lock;
  private final long compactionMinBytes;
  private final RecordTable table = new RecordTable();
  private final AtomicLong forces = new AtomicLong();
  private final AtomicLong compactions = new AtomicLong();
  private FileChannel channel;
  private Object fileKey;
  private long seenSize;
  private long nextSeq = 1;

  RecordLog(Path directory, long compactionMinBytes) {
    this.directory = directory;
    this.file = directory.resolve("records.log");
    this.lock = new RecordLock(directory.resolve("records.lock"));
    this.compactionMinBytes = compactionMinBytes;
  }

  RecordTable table() {
    return table;
  }

  /** Reads the whole log again, under the lock so no rename or torn write is in progress. */
  void reload() throws IOException {
    Files.createDirectories(directory);
    try (RecordLock.Held held = lock.acquire()) {
      loadLocked();
    }
  }

  /** Catches up with other processes before a read, without the lock in the usual case. */
  void refresh() throws IOException {
    if (needsLoad()) {
      reload();
    } else if (channel.size() > seenSize) {
      tail(channel.size()); // a frame another process is still writing fails its check and waits
    }
  }

  /**
   * Applies a batch of writes as one durable append: under the lock, after catching up, so {@code
   * putIfAbsent} is decided against every process's writes. Returns what each caller is told. On
   * failure memory may hold part of the batch: the caller must {@link #reload()}.
   */
  List<JsonObject> write(List<RecordMutation> group) throws IOException {
    List<JsonObject> results = new ArrayList<>(group.size());
    try (RecordLock.Held held = lock.acquire()) {
      refreshLocked();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (RecordMutation mutation : group) {
        results.add(decide(mutation, out));
      }
      appendDurably(out.toByteArray());
      compactQuietly();
    }
    return results;
  }

  void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  long forceCount() {
    return forces.get();
  }

  long compactionCount() {
    return compactions.get();
  }

  private JsonObject decide(RecordMutation m, ByteArrayOutputStream out) {
    JsonObject existing = table.get(m.collection(), m.key());
    if (m.kind() == Kind.PUT_IF_ABSENT && existing != null) {
      return existing.copy();
    }
    if (m.kind() == Kind.REMOVE) {
      if (existing != null) {
        out.writeBytes(
            Frames.encode(MAGIC, nextSeq++, RecordTable.removePayload(m.collection(), m.key())));
        table.remove(m.collection(), m.key());
      }
      return null;
    }
    byte[] frame =
        Frames.encode(MAGIC, nextSeq++, RecordTable.putPayload(m.collection(), m.key(), m.value()));
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

  private void refreshLocked() throws IOException {
    if (needsLoad()) {
      loadLocked();
    } else {
      long size = channel.size();
      tail(size);
      cutTornTail(size);
    }
  }

  /** True when our channel is gone or no longer the log: replaced by a compaction, or shrunk. */
  private boolean needsLoad() throws IOException {
    return channel == null
        || !Objects.equals(currentFileKey(), fileKey)
        || channel.size() < seenSize;
  }

  private void loadLocked() throws IOException {
    close();
    boolean created = !Files.exists(file);
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
      LOG.warn(
          "Record store: cut off a torn or corrupt tail of {} at offset {}, {} bytes dropped",
          file,
          seenSize,
          size - seenSize);
      channel.truncate(seenSize);
      channel.force(true);
    }
  }

  /**
   * The batch is durable before compaction starts, so a failed compaction must not fail it: the old
   * log stays complete, and a channel left closed is reopened by the next operation.
   */
  private void compactQuietly() {
    try {
      compactIfWorthIt();
    } catch (IOException e) {
      LOG.warn("Record store compaction failed; keeping the current log", e);
      try {
        close();
      } catch (IOException ignored) {
        // the channel is dropped either way
      }
    }
  }

  /** Under the lock. */
  private void compactIfWorthIt() throws IOException {
    if (seenSize < compactionMinBytes || seenSize <= 2 * table.liveBytes()) {
      return;
    }
    Path next = directory.resolve("records.log.compacting");
    long before = seenSize;
    try {
      ByteBuffer content = table.compacted(MAGIC);
      try (FileChannel out =
          FileChannel.open(
              next,
              StandardOpenOption.CREATE,
              StandardOpenOption.TRUNCATE_EXISTING,
              StandardOpenOption.WRITE)) {
        while (content.hasRemaining()) {
          out.write(content);
        }
        out.force(true);
      }
      Files.move(next, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.deleteIfExists(next);
      throw e;
    }
    Directories.fsync(directory);
    compactions.incrementAndGet();
    loadLocked();
    LOG.info("Record store compacted from {} to {} bytes", before, seenSize);
  }

  private Object currentFileKey() throws IOException {
    return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
  }
}
