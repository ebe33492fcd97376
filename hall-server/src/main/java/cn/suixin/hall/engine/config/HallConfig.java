package cn.suixin.hall.engine.config;

import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a hall's engine needs to know about the hall. Maps keep the configured order (kiosks
 * and screens list matters and windows in it).
 */
public record HallConfig(
    HallId id,
    String name,
    String nameEn,
    ZoneId zone,
    String address,
    Map<MatterCode, Matter> matters,
    Map<WindowId, Window> windows,
    Map<ChannelId, GreenChannel> greenChannels,
    OpeningHours openingHours,
    HallRules rules) {

  public HallConfig {
    matters = Collections.unmodifiableMap(new LinkedHashMap<>(matters));
    windows = Collections.unmodifiableMap(new LinkedHashMap<>(windows));
    greenChannels = Collections.unmodifiableMap(new LinkedHashMap<>(greenChannels));
  }

  /** The same hall open around the clock, for the demo. */
  public HallConfig alwaysOpen() {
    Map<WindowId, Window> open = new LinkedHashMap<>();
    windows.forEach(
        (id, w) ->
            open.put(
                id,
                new Window(w.id(), w.name(), w.nameEn(), w.kind(), w.weights(), Optional.empty())));
    return new HallConfig(
        id,
        name,
        nameEn,
        zone,
        address,
        matters,
        open,
        greenChannels,
        OpeningHours.alwaysOpen(),
        rules);
  }
}
