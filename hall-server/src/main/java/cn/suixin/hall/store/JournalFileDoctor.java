package cn.suixin.hall.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * {@code journal check} and {@code journal repair} on a hall's journal file. A check reads the file
 * as it is, even while a server has it open. A repair takes the file's lock, so the server must be
 * stopped; it copies the file aside, then writes a new one in which the one damaged stretch an
 * operator named is replaced by a lost-event marker per seq it took, and every other byte is as it
 * was: later events keep their content, their seqs and their checksums.
 */
public final class JournalFileDoctor {

  /** A damage with the event just before it, which a marker takes its time from. */
  private record Found(JournalDamage damage, byte[] before) {}

  private record Walk(
      List<Found> found, long records, long lastSeq, long tailOffset, long tailBytes) {}

  private final Path directory;
  private final String hallId;
  private final Path file;
  private final JournalEvents events;

  public JournalFileDoctor(Path journalDirectory, String hallId, JournalEvents events) {
    this.directory = journalDirectory;
    this.hallId = HallIds.requireFileName(hallId);
    this.file = journalDirectory.resolve(hallId + ".log");
    this.events = events;
  }

  public JournalExamination examine() throws IOException {
    try (FileChannel channel = FileChannel.open(existing(), StandardOpenOption.READ)) {
      Walk walk = walk(channel);
      return new JournalExamination(
          file.toString(),
          walk.records(),
          walk.lastSeq(),
          walk.found().stream().map(Found::damage).toList(),
          walk.tailOffset(),
          walk.tailBytes());
    }
  }

  /**
   * Replaces the first damage {@code chosen} accepts; {@code named} says how the operator named it,
   * for the error when none matches. Returns what was done, line by line.
   */
  public List<String> repair(Predicate<JournalDamage> chosen, String named) throws IOException {
    try (FileChannel channel =
        FileChannel.open(existing(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      lock(channel);
      Walk walk = walk(channel);
      Found target =
          walk.found().stream()
              .filter(f -> chosen.test(f.damage()))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "the journal of hall "
                              + hallId
                              + " has no damage "
                              + named
                              + "; journal check lists "
                              + walk.found().stream().map(f -> f.damage().describe()).toList()));
      JournalDamage d = target.damage();
      long size = channel.size();
      Path backup = directory.resolve(hallId + ".log.before-repair-" + System.currentTimeMillis());
      copy(channel, 0, size, backup, null);
      Frame after = FrameResync.frameAt(channel, JournalFile.MAGIC, d.offset() + d.bytes(), size);
      String reason =
          "journal repair at "
              + Instant.now()
              + ": "
              + d.describe()
              + " in "
              + file
              + "; the"
              + " journal as it was is kept in "
              + backup.getFileName();
      List<byte[]> frames = new ArrayList<>();
      for (long seq = d.firstSeq(); seq < d.resumesAtSeq(); seq++) {
        frames.add(
            Frames.encode(
                JournalFile.MAGIC,
                seq,
                events.lostEvent(
                    seq, target.before(), after == null ? null : after.payload(), reason)));
      }
      Path repaired = directory.resolve(hallId + ".log.repairing");
      copy(
          channel,
          0,
          d.offset(),
          repaired,
          out -> {
            for (byte[] frame : frames) {
              out.write(ByteBuffer.wrap(frame));
            }
            transfer(channel, d.offset() + d.bytes(), size, out);
          });
      Files.move(
          repaired, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      Directories.fsync(directory);
      return List.of(
          "backed up " + file + " to " + backup + " (" + size + " bytes)",
          "dropped " + d.bytes() + " bytes at offset " + d.offset() + ": " + d.problem(),
          frames.isEmpty()
              ? "no seq was lost there, so no marker was needed"
              : "wrote "
                  + frames.size()
                  + " lost-event marker(s) for seq "
                  + d.firstSeq()
                  + (frames.size() > 1 ? ".." + (d.resumesAtSeq() - 1) : ""),
          "kept every other byte as it was; the records from seq "
              + d.resumesAtSeq()
              + " on now start "
              + (frames.stream().mapToLong(f -> f.length).sum() - d.bytes())
              + " bytes later in the file");
    }
  }

  private Path existing() {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("there is no journal of hall " + hallId + " at " + file);
    }
    return file;
  }

  private void lock(FileChannel channel) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException(
          "the journal of hall "
              + hallId
              + " is open in a running server ("
              + file
              + " is locked); stop the server first");
    }
  }

  /**
   * Good frames in sequence; at a bad spot, a damage if a plausible frame follows, else the torn
   * tail.
   */
  private Walk walk(FileChannel channel) throws IOException {
    long size = channel.size();
    List<Found> found = new ArrayList<>();
    long position = 0;
    long expected = 1;
    long records = 0;
    byte[] before = null;
    while (position < size) {
      FrameScanner scanner = new FrameScanner(channel, JournalFile.MAGIC, position, size);
      for (Frame f = scanner.next(); f != null && f.seq() == expected; f = scanner.next()) {
        String problem = events.problem(f.seq(), f.payload());
        if (problem == null) {
          records++;
          before = f.payload();
        } else {
          found.add(
              new Found(
                  new JournalDamage(
                      f.offset(),
                      f.end() - f.offset(),
                      expected,
                      expected + 1,
                      "the frame there is whole but its event " + problem),
                  before));
        }
        expected++;
        position = f.end();
      }
      if (position >= size) {
        break;
      }
      Frame next = FrameResync.next(channel, JournalFile.MAGIC, position, size, expected - 1);
      if (next == null) {
        return new Walk(found, records, expected - 1, position, size - position);
      }
      found.add(
          new Found(
              new JournalDamage(
                  position,
                  next.offset() - position,
                  expected,
                  next.seq(),
                  FrameResync.problemAt(channel, JournalFile.MAGIC, position, size, next)),
              before));
      expected = next.seq();
      position = next.offset();
    }
    return new Walk(found, records, expected - 1, -1, 0);
  }

  private interface Rest {
    void write(FileChannel out) throws IOException;
  }

  /** Writes bytes {@code from..to} of the journal, then {@code rest}, to a new file, forced. */
  private static void copy(FileChannel channel, long from, long to, Path target, Rest rest)
      throws IOException {
    try (FileChannel out =
        FileChannel.open(
            target,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE)) {
      transfer(channel, from, to, out);
      if (rest != null) {
        rest.write(out);
      }
      out.force(true);
    }
  }

  private static void transfer(FileChannel channel, long from, long to, FileChannel out)
      throws IOException {
    for (long done = 0; done < to - from; ) {
      done += channel.transferTo(from + done, to - from - done, out);
    }
  }
}
