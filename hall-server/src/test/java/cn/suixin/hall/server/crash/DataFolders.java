package cn.suixin.hall.server.crash;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Copies of data folders, for tests and benchmarks that start servers on what another left. */
public final class DataFolders {

  private DataFolders() {}

  /**
   * Copies {@code from} into {@code to}, creating it. Temporary files are skipped: a running server
   * may rename one away during the copy, and a start ignores them anyway.
   */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else if (!f.getFileName().toString().endsWith(".tmp")) {
          Files.copy(f, target);
        }
      }
    }
    return to;
  }
}
