package cn.suixin.hall.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Exclusive access to the record log across processes and within this one. The file lock alone is
 * not enough inside one JVM: a second channel locking the same file throws instead of waiting, and
 * closing any channel of a locked file may drop the process's lock, so holders in this JVM first
 * queue on an in-process lock and open the lock file only while holding it.
 */
final class RecordLock {

  private static final ConcurrentHashMap<Path, ReentrantLock> IN_PROCESS =
      new ConcurrentHashMap<>();

  /** Released by closing; try-with-resources keeps every write inside one. */
  interface Held extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  private final Path lockFile;
  private final ReentrantLock local;

  RecordLock(Path lockFile) {
    this.lockFile = lockFile;
    this.local =
        IN_PROCESS.computeIfAbsent(lockFile.toAbsolutePath().normalize(), p -> new ReentrantLock());
  }

  Held acquire() throws IOException {
    local.lock();
    FileChannel channel = null;
    try {
      channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      channel.lock();
      FileChannel held = channel;
      return () -> {
        try {
          held.close(); // releases the file lock
        } finally {
          local.unlock();
        }
      };
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      local.unlock();
      throw e;
    }
  }
}
