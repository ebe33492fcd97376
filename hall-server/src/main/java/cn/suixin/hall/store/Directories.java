package cn.suixin.hall.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

final class Directories {

  private Directories() {}

  /**
   * Makes a file's creation or rename durable: without it, a crash right after can lose the
   * directory entry even though the file's own bytes were forced.
   */
  static void fsync(Path directory) throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (UnsupportedOperationException e) {
      // Some platforms cannot open a directory; their file systems order metadata themselves.
    }
  }
}
