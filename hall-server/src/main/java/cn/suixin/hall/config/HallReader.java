package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.HallId;
import cn.suixin.hall.engine.config.HallRules;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.MatterFlag;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowId;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one hall file ({@code halls/<id>.yaml}) on top of the city's defaults. */
final class HallReader {
  private static final List<String> FIELDS =
      List.of(
          "id",
          "name",
          "nameEn",
          "address",
          "matters",
          "windows",
          "greenChannels",
          "openingHours",
          "windowHours",
          "rules");

  private final Values values;
  private final HoursReader hours;
  private final WindowReader windows;
  private final RulesReader rules;

  HallReader(Values values) {
    this.values = values;
    this.hours = new HoursReader(values);
    this.windows = new WindowReader(values, hours);
    this.rules = new RulesReader(values);
  }

  HallConfig read(Y root, String expectedId, CityDefaults city) {
    root.onlyFields(FIELDS, values.problems());
    String id = values.id(root.get("id"), "hall id");
    if (id != null && !id.equals(expectedId)) {
      values
          .problems()
          .add(
              root.get("id"),
              "hall id '" + id + "' does not match its file name '" + expectedId + ".yaml'");
    }
    String name = values.text(root.get("name"), "name");
    String nameEn = values.text(root.get("nameEn"), "nameEn");
    String address = values.text(root.get("address"), "address");
    Map<MatterCode, Matter> served = served(root.get("matters"), city);
    HoursSpec hallHours = hours.read(root.get("openingHours")).over(city.hours());
    if (hallHours.weekly().isEmpty()) {
      values
          .problems()
          .add(root.get("openingHours"), "no weekly sessions here nor in city.yaml openingHours");
    }
    Map<String, HoursSpec> templates = templates(root.get("windowHours"));
    Map<WindowId, Window> windowMap =
        windows(root.get("windows"), served, templates, hallHours, city);
    Map<ChannelId, GreenChannel> channels = channels(root.get("greenChannels"), served, city);
    HallRules hallRules = rules.read(root.get("rules"), city.rules());
    // A broken window would make its matters look unserved; report that only once windows are
    // sound.
    if (!windowMap.isEmpty() && windowMap.size() == root.get("windows").items().size()) {
      for (MatterCode code : served.keySet()) {
        if (windowMap.values().stream().noneMatch(w -> w.serves(code))) {
          values
              .problems()
              .add(
                  root.get("matters"), "matter '" + code + "' is served by no window of this hall");
        }
      }
    }
    if (id == null || name == null || nameEn == null || address == null) {
      return null;
    }
    return new HallConfig(
        new HallId(id),
        name,
        nameEn,
        city.zone(),
        address,
        served,
        windowMap,
        channels,
        hallHours.toOpeningHours(),
        hallRules);
  }

  /** {@code all}, {@code delegated} or a list of matter codes. */
  private Map<MatterCode, Matter> served(Y y, CityDefaults city) {
    Map<MatterCode, Matter> out = new LinkedHashMap<>();
    if (y.isScalar() && (y.text().equals("all") || y.text().equals("delegated"))) {
      boolean all = y.text().equals("all");
      city.catalogue().values().stream()
          .filter(m -> all || m.has(MatterFlag.DELEGATED))
          .forEach(m -> out.put(m.code(), m));
      return out;
    }
    if (!y.isList() || y.items().isEmpty()) {
      values
          .problems()
          .add(y, "matters must be 'all', 'delegated' or a non-empty list of matter codes");
      return out;
    }
    for (Y item : y.items()) {
      String code = values.id(item, "matter code");
      Matter matter = code == null ? null : city.catalogue().get(new MatterCode(code));
      if (matter != null && out.putIfAbsent(matter.code(), matter) != null) {
        values.problems().add(item, "matter '" + code + "' is listed twice");
      } else if (code != null && matter == null && !city.written().contains(code)) {
        values.problems().add(item, "unknown matter code '" + code + "'");
      }
    }
    return out;
  }

  private Map<String, HoursSpec> templates(Y y) {
    Map<String, HoursSpec> out = new LinkedHashMap<>();
    if (!y.missing() && !y.isMap()) {
      values.problems().add(y, "windowHours must be a map of name to opening hours");
    }
    y.entries().forEach(e -> out.put(e.getKey(), hours.read(e.getValue())));
    return out;
  }

  private Map<WindowId, Window> windows(
      Y y,
      Map<MatterCode, Matter> served,
      Map<String, HoursSpec> templates,
      HoursSpec hallHours,
      CityDefaults city) {
    Map<WindowId, Window> out = new LinkedHashMap<>();
    if (!y.isList() || y.items().isEmpty()) {
      values.problems().add(y, "a hall needs at least one window");
      return out;
    }
    Set<String> ids = new HashSet<>();
    for (Y w : y.items()) {
      String id = w.get("id").text();
      if (id != null && !ids.add(id.strip())) {
        values.problems().add(w.get("id"), "duplicate window id '" + id.strip() + "'");
        continue;
      }
      Window window = windows.read(w, served, templates, hallHours, city);
      if (window != null) {
        out.put(window.id(), window);
      }
    }
    return out;
  }

  private Map<ChannelId, GreenChannel> channels(
      Y y, Map<MatterCode, Matter> served, CityDefaults city) {
    Map<ChannelId, GreenChannel> out = new LinkedHashMap<>();
    if (!y.missing() && !y.isList()) {
      values.problems().add(y, "greenChannels must be a list of green channel ids from city.yaml");
    }
    for (Y item : y.items()) {
      String id = values.id(item, "green channel id");
      GreenChannel channel = id == null ? null : city.greenChannels().get(new ChannelId(id));
      if (id != null && channel == null) {
        values
            .problems()
            .add(
                item,
                "unknown green channel '"
                    + id
                    + "' (city.yaml defines "
                    + city.greenChannels().keySet()
                    + ")");
        continue;
      }
      if (channel == null) {
        continue;
      }
      List<String> missing =
          channel.matters().stream()
              .filter(m -> !served.containsKey(m))
              .map(String::valueOf)
              .sorted()
              .toList();
      if (!missing.isEmpty()) {
        values
            .problems()
            .add(
                item,
                "green channel '" + id + "' names matters this hall does not serve: " + missing);
      } else {
        out.put(channel.id(), channel);
      }
    }
    return out;
  }
}
