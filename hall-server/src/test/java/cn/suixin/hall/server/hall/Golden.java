package cn.suixin.hall.server.hall;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.HallConfig;
import java.nio.file.Path;

/**
 * Where the golden journal lives: {@code src/test/resources/golden/}, a data folder as the embedded
 * store lays it out ({@code data/journal/city.log}, {@code data/snapshots/city.snap}), the frozen
 * configuration it was written under and the fingerprint of the state it ends in.
 */
final class Golden {
  static final Path DIR = Path.of("src", "test", "resources", "golden");
  static final Path DATA = DIR.resolve("data");

  /** The same snapshot saved again in snapshot layout 2, for the same journal. */
  static final Path LAYOUT_2_SNAPSHOT = DIR.resolve("snapshot-layout2").resolve("city.snap");

  static final Path FINGERPRINT = DIR.resolve("city.fingerprint.txt");
  static final String HALL = "city";

  private Golden() {}

  /** The frozen copy of the city hall's configuration, always open like the server's tests. */
  static HallConfig config() {
    return new ConfigLoader()
        .load(DIR.resolve("config")).halls().stream()
            .filter(h -> h.id().value().equals(HALL))
            .findFirst()
            .orElseThrow()
            .alwaysOpen();
  }
}
