package cn.suixin.hall.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file behind a {@link FileHallJournal}: frames of seq 1, 2, 3... with an index of where each
 * starts. Not thread-safe: only the journal's lane touches it. The file stays locked while open so
 * a second server on the same data folder cannot interleave writes.
 */
final class JournalFile {

  private static final Logger LOG = LoggerFactory.getLogger(JournalFile.class);
  static final int MAGIC = 0x534A4E4C; // "SJNL"

  private final String hallId;
  private final Path directory;
  private final Path file;
  private final OffsetIndex index = new OffsetIndex();
  private final AtomicLong forces = new AtomicLong();
  private volatile boolean failNextWrite;
  private FileChannel channel;
  private long size;

  JournalFile(Path directory, String hallId) {
    this.hallId = hallId;
    this.directory = directory;
    this.file = directory.resolve(hallId + ".log");
  }

  /**
   * Opens the file, cutting off a torn tail, and indexes the rest. A bad frame with a valid frame
   * anywhere after it is no torn tail: the file is left as it is and the open refuses with a {@link
   * JournalDamagedException}.
   */
  void open() throws IOException {
    Files.createDirectories(directory);
    boolean created = !Files.exists(file);
    channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    if (!lock()) {
      channel.close();
      throw new IllegalStateException("journal of " + hallId + " is already open");
    }
    if (created) {
      Directories.fsync(directory);
    }
    long fileSize = channel.size();
    FrameScanner scanner = new FrameScanner(channel, MAGIC, 0, fileSize);
    for (Frame frame = scanner.next(); frame != null; frame = scanner.next()) {
      if (frame.seq() != lastSeq() + 1) {
        break; // this journal never wrote a frame out of sequence, so it is not ours to keep
      }
      index.add(frame.offset());
      size = frame.end();
    }
    if (size < fileSize) {
      refuseIfValidFramesFollow(fileSize);
      Path kept = keepTail(size, fileSize);
      LOG.warn(
          "Journal of hall {}: cut off a torn or corrupt tail at offset {}, {} bytes dropped (kept in {})",
          hallId,
          size,
          fileSize - size,
          kept);
      channel.truncate(size);
      channel.force(true);
    }
    LOG.info("Journal of hall {} opened at seq {}", hallId, lastSeq());
  }

  private void refuseIfValidFramesFollow(long fileSize) throws IOException {
    Frame after = FrameResync.next(channel, MAGIC, size, fileSize, lastSeq());
    if (after == null) {
      return;
    }
    String problem = FrameResync.problemAt(channel, MAGIC, size, fileSize, after);
    close();
    throw JournalDamagedException.inFile(
        hallId, file, size, lastSeq() + 1, problem, after.offset(), after.seq());
  }

  /**
   * Copies the bytes about to be cut to {@code <hall>.log.cut-<offset>-<millis>} first. A torn
   * write is worthless, but a last frame spoiled by bad media looks just the same, and it may hold
   * an acknowledged event.
   */
  private Path keepTail(long from, long to) throws IOException {
    Path kept = directory.resolve(hallId + ".log.cut-" + from + "-" + System.currentTimeMillis());
    try (FileChannel out =
        FileChannel.open(kept, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      for (long done = 0; done < to - from; ) {
        done += channel.transferTo(from + done, to - from - done, out);
      }
      out.force(true);
    }
    Directories.fsync(directory);
    return kept;
  }

  long lastSeq() {
    return index.size();
  }

  /**
   * Writes the entries, which must continue the journal, in one write and one force. On failure the
   * file is cut back to where it was, so the next append starts clean; if even that fails the error
   * says the journal must be reopened.
   */
  void append(List<JournalEntry> entries, int bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    long[] offsets = new long[entries.size()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = size + buffer.position();
      JournalEntry entry = entries.get(i);
      Frames.encode(buffer, MAGIC, entry.seq(), entry.payload());
    }
    buffer.flip();
    try {
      writeFully(buffer);
      channel.force(false);
      forces.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      rollBack(e);
      throw e;
    }
    for (long offset : offsets) {
      index.add(offset);
    }
    size += bytes;
  }

  List<JournalEntry> read(long seqInclusive, int max) throws IOException {
    long from = Math.max(1, seqInclusive);
    if (max <= 0 || from > lastSeq()) {
      return List.of();
    }
    int count = (int) Math.min(max, lastSeq() - from + 1);
    int first = (int) (from - 1);
    long end = first + count < index.size() ? index.get(first + count) : size;
    FrameScanner scanner = new FrameScanner(channel, MAGIC, index.get(first), end);
    List<JournalEntry> entries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      Frame frame = scanner.next();
      if (frame == null || frame.seq() != from + i) {
        throw new IOException("journal of " + hallId + " changed under us at seq " + (from + i));
      }
      entries.add(new JournalEntry(frame.seq(), frame.payload()));
    }
    return entries;
  }

  /** Closing the channel also releases the file lock. */
  void close() throws IOException {
    if (channel != null) {
      channel.close();
      channel = null;
    }
  }

  long forceCount() {
    return forces.get();
  }

  void failNextWrite() {
    failNextWrite = true;
  }

  private boolean lock() throws IOException {
    try {
      FileLock lock = channel.tryLock();
      return lock != null;
    } catch (OverlappingFileLockException e) {
      return false; // held by another journal of this hall in this very JVM
    }
  }

  private void writeFully(ByteBuffer buffer) throws IOException {
    if (failNextWrite) {
      failNextWrite = false;
      buffer.limit(buffer.limit() / 2);
      channel.write(buffer, size);
      throw new IOException("injected write failure");
    }
    while (buffer.hasRemaining()) {
      channel.write(buffer, size + buffer.position());
    }
  }

  /** Leaving half a batch behind would put later appends after garbage, to be cut off on open. */
  private void rollBack(Exception cause) throws IOException {
    try {
      channel.truncate(size);
    } catch (IOException e) {
      e.addSuppressed(cause);
      throw new JournalUnusableException(
          "journal of " + hallId + " could not drop a failed write; reopen it", e);
    }
  }
}
