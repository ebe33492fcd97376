package cn.suixin.hall.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded journal: one append-only file per hall, {@code <journalDir>/<hall>.log}.
 *
 * <p>Appends are group-committed: whatever arrives while a write and fsync are in flight goes out
 * in the next single write and fsync, so a busy hall pays one fsync per batch instead of one per
 * command. All file work happens on the journal's own {@link SerialLane}; only the pending queue
 * is shared with callers. The file is locked for the journal's lifetime so a second server on the
 * same data folder cannot interleave writes.
 */
public final class FileHallJournal implements HallJournal {

  private static final Logger LOG = LoggerFactory.getLogger(FileHallJournal.class);
  static final int MAGIC = 0x534A4E4C; // "SJNL"
  private static final Pattern HALL_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Vertx vertx;
  private final String hallId;
  private final Path directory;
  private final Path file;
  private final SerialLane lane;
  private final ArrayDeque<PendingAppend> pending = new ArrayDeque<>();
  private Future<Void> closed;
  private final AtomicLong forces = new AtomicLong();
  private volatile boolean failNextWrite;
  private final Future<Void> opened;
  private final CompletableFuture<Void> released = new CompletableFuture<>();

  // Confined to the lane's thread.
  private FileChannel channel;
  private FileLock fileLock;
  private Throwable unusable = new IllegalStateException("journal not open yet");
  private long size;
  private final OffsetIndex index = new OffsetIndex();

  FileHallJournal(Vertx vertx, Path directory, String hallId) {
    this(vertx, directory, hallId, CompletableFuture.completedFuture(null));
  }

  /** Opens once {@code previous} has let go of the file, for reopening a closed journal. */
  FileHallJournal(Vertx vertx, Path directory, String hallId, CompletableFuture<Void> previous) {
    if (!HALL_ID.matcher(hallId).matches()) {
      throw new IllegalArgumentException("hall id must be a plain file name: " + hallId);
    }
    this.vertx = vertx;
    this.hallId = hallId;
    this.directory = directory;
    this.file = directory.resolve(hallId + ".log");
    this.lane = new SerialLane(vertx, "hall-journal-" + hallId);
    this.opened = lane.submit(() -> {
      previous.join();
      try {
        load();
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
    String invalid = contiguityProblem(batch);
    if (invalid != null) {
      return Future.failedFuture(new IllegalArgumentException(invalid));
    }
    Promise<Void> promise = Promise.promise();
    synchronized (pending) {
      if (closed != null) {
        return Future.failedFuture(new IllegalStateException("journal of " + hallId + " is closed"));
      }
      pending.add(new PendingAppend(List.copyOf(batch), vertx.getOrCreateContext(), promise));
    }
    // One flush per append; the first to run takes everything queued, the rest find nothing. If
    // the lane is already shut down, close() has flushed this append itself.
    lane.execute(this::flushPending);
    return promise.future();
  }

  @Override
  public Future<List<JournalEntry>> readFrom(long seqInclusive, int max) {
    return lane.submit(() -> read(seqInclusive, max));
  }

  @Override
  public Future<Long> lastSeq() {
    return lane.submit(() -> (long) index.size());
  }

  @Override
  public Future<Void> close() {
    synchronized (pending) {
      if (closed == null) {
        closed = lane.submit(() -> {
          flushPending();
          release();
          return null;
        });
        lane.shutdown();
      }
      return closed;
    }
  }

  String hallId() {
    return hallId;
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
    return forces.get();
  }

  /** Test hook: the next write stops halfway and fails, like a full disk would. */
  void failNextWrite() {
    failNextWrite = true;
  }

  private void load() throws IOException {
    Files.createDirectories(directory);
    boolean created = !Files.exists(file);
    channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    try {
      fileLock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      fileLock = null;
    }
    if (fileLock == null) {
      channel.close();
      throw new IllegalStateException("journal of " + hallId + " is already open");
    }
    if (created) {
      Directories.fsync(directory);
    }
    long fileSize = channel.size();
    FrameScanner scanner = new FrameScanner(channel, MAGIC, 0, fileSize);
    long goodEnd = 0;
    for (Frame frame = scanner.next(); frame != null; frame = scanner.next()) {
      if (frame.seq() != index.size() + 1L) {
        break; // a frame out of sequence was never acknowledged by this journal
      }
      index.add(frame.offset());
      goodEnd = frame.end();
    }
    if (goodEnd < fileSize) {
      LOG.warn("Journal of hall {}: cut off a torn or corrupt tail at offset {}, {} bytes dropped",
          hallId, goodEnd, fileSize - goodEnd);
      channel.truncate(goodEnd);
      channel.force(true);
    }
    size = goodEnd;
    unusable = null;
    LOG.info("Journal of hall {} opened at seq {}", hallId, index.size());
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
    long next = index.size() + 1L;
    int bytes = 0;
    for (PendingAppend append : group) {
      if (unusable != null) {
        append.fail(unusable);
      } else if (append.firstSeq() != next) {
        append.fail(new IllegalArgumentException("journal of " + hallId + " expects seq " + next
            + " but the batch starts at " + append.firstSeq()));
      } else {
        accepted.add(append);
        next += append.entries().size();
        bytes += append.bytes();
      }
    }
    if (!accepted.isEmpty()) {
      write(accepted, bytes);
    }
  }

  private void write(List<PendingAppend> group, int bytes) {
    ByteBuffer buffer = ByteBuffer.allocate(bytes);
    long[] offsets = new long[(int) group.stream().mapToLong(a -> a.entries().size()).sum()];
    int count = 0;
    for (PendingAppend append : group) {
      for (JournalEntry entry : append.entries()) {
        offsets[count++] = size + buffer.position();
        Frames.encode(buffer, MAGIC, entry.seq(), entry.payload());
      }
    }
    buffer.flip();
    try {
      writeFully(buffer);
      channel.force(false);
      forces.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      LOG.error("Journal of hall {}: write of {} bytes failed; failing its batch", hallId, bytes, e);
      rollBack();
      group.forEach(append -> append.fail(e));
      return;
    }
    for (long offset : offsets) {
      index.add(offset);
    }
    size += bytes;
    group.forEach(PendingAppend::succeed);
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

  /** Removes a half-written batch, or later appends would sit behind garbage and be cut off. */
  private void rollBack() {
    try {
      channel.truncate(size);
    } catch (IOException e) {
      unusable = new IllegalStateException("journal of " + hallId + " could not drop a failed write;"
          + " reopen it", e);
      LOG.error("Journal of hall {} is unusable until reopened", hallId, e);
    }
  }

  private List<JournalEntry> read(long seqInclusive, int max) throws IOException {
    if (unusable != null) {
      throw new IllegalStateException("journal of " + hallId + " cannot be read", unusable);
    }
    long from = Math.max(1, seqInclusive);
    long last = index.size();
    if (max <= 0 || from > last) {
      return List.of();
    }
    int count = (int) Math.min(max, last - from + 1);
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

  private void release() throws IOException {
    unusable = new IllegalStateException("journal of " + hallId + " is closed");
    try {
      if (channel != null) {
        channel.close(); // also releases the file lock
        channel = null;
        fileLock = null;
      }
    } finally {
      released.complete(null);
    }
  }

  private static String contiguityProblem(List<JournalEntry> batch) {
    for (int i = 1; i < batch.size(); i++) {
      if (batch.get(i).seq() != batch.get(i - 1).seq() + 1) {
        return "batch seqs must be contiguous, found " + batch.get(i - 1).seq() + " then "
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

  /** An append waiting for the writer, with the context its caller must hear back on. */
  private record PendingAppend(List<JournalEntry> entries, Context context, Promise<Void> promise) {

    long firstSeq() {
      return entries.get(0).seq();
    }

    int bytes() {
      return entries.stream().mapToInt(e -> Frames.size(e.payload())).sum();
    }

    void succeed() {
      SerialLane.completeOn(context, promise, Future.succeededFuture());
    }

    void fail(Throwable cause) {
      SerialLane.completeOn(context, promise, Future.failedFuture(cause));
    }
  }
}
