package cn.suixin.hall.server.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

/** What a server left in its data folder (journals, records, snapshots), searched as raw bytes. */
final class DataFiles {
  private DataFiles() {}

  /**
   * Each place under {@code data} whose bytes hold one of the texts (as UTF-8): the file, the text
   * and the bytes around it, so that a failure shows what was stored.
   */
  static List<String> holding(Path data, Collection<String> texts) throws IOException {
    // ISO-8859-1 maps each byte to one char, so a UTF-8 needle is found wherever its bytes are
    List<String> needles =
        texts.stream()
            .map(t -> new String(t.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1))
            .toList();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(data)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        for (String needle : needles) {
          int at = bytes.indexOf(needle);
          if (at >= 0) {
            String around =
                bytes.substring(
                    Math.max(0, at - 120), Math.min(bytes.length(), at + needle.length() + 40));
            found.add(
                f
                    + ": "
                    + new String(
                        around.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
          }
        }
      }
    }
    return found;
  }
}
