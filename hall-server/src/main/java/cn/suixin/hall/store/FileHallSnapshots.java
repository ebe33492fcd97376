package cn.suixin.hall.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot of one hall as the file {@code <snapshotDir>/<hall>.snap} in {@link SnapshotFrame}
 * form. A save writes {@code <hall>.snap.tmp}, forces it, renames it over the old file and forces
 * the directory, so a crash at any point leaves either the old snapshot or the new one; a leftover
 * temp file is simply overwritten by the next save.
 *
 * <p>File work runs on the hall's own snapshot lane, which also keeps saves in order and lets
 * {@link #close} wait for the one in flight.
 */
final class FileHallSnapshots implements HallSnapshots {

  private static final Logger LOG = LoggerFactory.getLogger(FileHallSnapshots.class);

  private final String hallId;
  private final Path directory;
  private final Path file;
  private final Path temp;
  private final SerialLane lane;

  FileHallSnapshots(Vertx vertx, Path directory, String hallId) {
    this.hallId = HallIds.requireFileName(hallId);
    this.directory = directory;
    this.file = directory.resolve(hallId + ".snap");
    this.temp = directory.resolve(hallId + ".snap.tmp");
    this.lane = new SerialLane(vertx, "hall-snapshots-" + hallId);
  }

  @Override
  public Future<Void> save(HallSnapshot snapshot) {
    Objects.requireNonNull(snapshot, "snapshot");
    return lane.submit(
        () -> {
          write(snapshot);
          return null;
        });
  }

  @Override
  public Future<HallSnapshot> latest() {
    return lane.submit(this::read);
  }

  /** Completes once the save in flight, if any, is done; later calls fail. */
  Future<Void> close() {
    Future<Void> drained = lane.submit(() -> null);
    lane.shutdown();
    return drained;
  }

  private void write(HallSnapshot snapshot) throws IOException {
    createDirectory();
    try (FileChannel out =
        FileChannel.open(
            temp,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer[] parts = {SnapshotFrame.header(snapshot), ByteBuffer.wrap(snapshot.image())};
      while (parts[0].hasRemaining() || parts[1].hasRemaining()) {
        out.write(parts);
      }
      out.force(true);
    } catch (IOException | RuntimeException e) {
      discardTemp(e);
      throw e;
    }
    try {
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
    }
    Directories.fsync(directory);
  }

  /** A half-written temp file would be overwritten anyway; this only gives the space back early. */
  private void discardTemp(Exception cause) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException e) {
      cause.addSuppressed(e);
    }
  }

  /** The folder appears with the first save; its own entry is made durable like a file's. */
  private void createDirectory() throws IOException {
    if (!Files.isDirectory(directory)) {
      Files.createDirectories(directory);
      Directories.fsync(directory.toAbsolutePath().getParent());
    }
  }

  private HallSnapshot read() throws IOException {
    try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
      ByteBuffer head = ByteBuffer.allocate((int) Math.min(in.size(), SnapshotFrame.HEADER));
      readFully(in, head, 0);
      SnapshotFrame.Header header = SnapshotFrame.readHeader(head.flip());
      header.expectImageBytes(in.size() - SnapshotFrame.HEADER);
      byte[] image = new byte[header.length()];
      readFully(in, ByteBuffer.wrap(image), SnapshotFrame.HEADER);
      return header.snapshot(image);
    } catch (NoSuchFileException e) {
      return null;
    } catch (SnapshotFrame.Damaged e) {
      LOG.warn(
          "Snapshot of hall {} in {} is damaged ({}); ignoring it, the hall replays its whole journal",
          hallId,
          file,
          e.getMessage());
      return null;
    }
  }

  private static void readFully(FileChannel in, ByteBuffer into, long position) throws IOException {
    while (into.hasRemaining()) {
      if (in.read(into, position + into.position()) < 0) {
        throw new EOFException("snapshot file shrank while being read");
      }
    }
  }
}
