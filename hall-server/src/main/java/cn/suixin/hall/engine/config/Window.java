package cn.suixin.hall.engine.config;

import java.util.Map;
import java.util.Optional;

/**
 * A counter window and the matters it serves.
 *
 * @param weights matter to weight (1..10): a higher weight makes that matter's waiting tickets
 *     count for more when the window calls next
 * @param hours the window's own opening hours; empty means the hall's
 */
public record Window(
    WindowId id,
    String name,
    String nameEn,
    WindowKind kind,
    Map<MatterCode, Integer> weights,
    Optional<OpeningHours> hours) {

  public Window {
    weights = Map.copyOf(weights);
  }

  public boolean serves(MatterCode matter) {
    return weights.containsKey(matter);
  }
}
