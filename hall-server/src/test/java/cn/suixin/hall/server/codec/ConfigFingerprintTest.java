package cn.suixin.hall.server.codec;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowId;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfigFingerprintTest {
  private static final Path SHIPPED = Path.of("..", "config");

  private static HallConfig city() {
    return new ConfigLoader()
        .load(SHIPPED).halls().stream()
            .filter(h -> h.id().value().equals("city"))
            .findFirst()
            .orElseThrow();
  }

  @Test
  void the_same_configuration_loaded_twice_has_the_same_fingerprint() {
    assertThat(ConfigFingerprint.of(city())).isEqualTo(ConfigFingerprint.of(city())).hasSize(64);
  }

  @Test
  void the_canonical_text_sorts_what_the_records_hold_in_no_fixed_order() {
    // Map.copyOf and Set.of iterate in an order salted per JVM; the canonical text must not depend
    // on it
    String text = ConfigFingerprint.canonical(city());
    assertThat(text).contains("weights={").doesNotContain("@");
    Map<MatterCode, Integer> a = new LinkedHashMap<>();
    a.put(new MatterCode("B"), 1);
    a.put(new MatterCode("A"), 2);
    Map<MatterCode, Integer> b = new LinkedHashMap<>();
    b.put(new MatterCode("A"), 2);
    b.put(new MatterCode("B"), 1);
    assertThat(ConfigFingerprint.of(withWindowWeights(city(), a)))
        .isEqualTo(ConfigFingerprint.of(withWindowWeights(city(), b)));
  }

  @Test
  void a_changed_window_weight_or_opening_hours_change_the_fingerprint() {
    HallConfig city = city();
    Window first = city.windows().values().iterator().next();
    Map<MatterCode, Integer> heavier = new LinkedHashMap<>(first.weights());
    MatterCode matter = heavier.keySet().iterator().next();
    heavier.put(matter, heavier.get(matter) + 1);
    assertThat(ConfigFingerprint.of(withWindowWeights(city, heavier)))
        .isNotEqualTo(ConfigFingerprint.of(city));
    assertThat(ConfigFingerprint.of(city.alwaysOpen())).isNotEqualTo(ConfigFingerprint.of(city));
  }

  private static HallConfig withWindowWeights(HallConfig c, Map<MatterCode, Integer> weights) {
    Map<WindowId, Window> windows = new LinkedHashMap<>(c.windows());
    Window first = windows.values().iterator().next();
    windows.put(
        first.id(),
        new Window(first.id(), first.name(), first.nameEn(), first.kind(), weights, first.hours()));
    return new HallConfig(
        c.id(),
        c.name(),
        c.nameEn(),
        c.zone(),
        c.address(),
        c.matters(),
        windows,
        c.greenChannels(),
        c.openingHours(),
        c.rules());
  }
}
