package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.Category;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.MatterFlag;
import cn.suixin.hall.engine.config.OpeningHours;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.engine.config.WindowKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads one window. Its {@code matters} is either a map of selector to weight (1..10) or a list of
 * selectors at {@link #LIST_WEIGHT}. A selector is a matter code, {@code category:X}, {@code
 * flag:X} or {@code all}, always limited to the matters the hall serves; an explicit code beats any
 * selector, and a later selector beats an earlier one.
 */
final class WindowReader {
  static final int LIST_WEIGHT = 5;
  private static final List<String> FIELDS =
      List.of("id", "name", "nameEn", "kind", "matters", "hours");

  private final Values values;
  private final HoursReader hoursReader;

  WindowReader(Values values, HoursReader hoursReader) {
    this.values = values;
    this.hoursReader = hoursReader;
  }

  /**
   * @param served the hall's matters
   * @param hallHours the hall's hours, which a window's own hours are layered on
   * @param templates the hall's named window hours ({@code windowHours})
   */
  Window read(
      Y w,
      Map<MatterCode, Matter> served,
      Map<String, HoursSpec> templates,
      HoursSpec hallHours,
      CityDefaults city) {
    if (!w.isMap()) {
      values.problems().add(w, "a window must be a map with " + FIELDS);
      return null;
    }
    w.onlyFields(FIELDS, values.problems());
    String id = values.id(w.get("id"), "window id");
    String name = values.text(w.get("name"), "name");
    String nameEn = values.text(w.get("nameEn"), "nameEn");
    WindowKind kind = values.enumValue(w.get("kind"), "window kind", WindowKind.class);
    Map<MatterCode, Integer> weights = weights(w.get("matters"), served, city);
    Optional<OpeningHours> hours = hours(w.get("hours"), templates, hallHours);
    if (id == null
        || name == null
        || nameEn == null
        || kind == null
        || weights == null
        || hours == null) {
      return null;
    }
    return new Window(new WindowId(id), name, nameEn, kind, weights, hours);
  }

  private Optional<OpeningHours> hours(Y y, Map<String, HoursSpec> templates, HoursSpec hallHours) {
    if (y.missing()) {
      return Optional.empty();
    }
    if (y.isScalar()) {
      HoursSpec named = templates.get(y.text());
      if (named == null) {
        values
            .problems()
            .add(
                y,
                "unknown window hours '"
                    + y.text()
                    + "' (defined in windowHours: "
                    + templates.keySet()
                    + ")");
        return null;
      }
      return Optional.of(named.over(hallHours).toOpeningHours());
    }
    return Optional.of(hoursReader.read(y).over(hallHours).toOpeningHours());
  }

  private Map<MatterCode, Integer> weights(Y y, Map<MatterCode, Matter> served, CityDefaults city) {
    if (y.missing()
        || (!y.isMap() && !y.isList())
        || (y.isMap() ? y.entries().isEmpty() : y.items().isEmpty())) {
      values
          .problems()
          .add(y, "matters must be a non-empty map of matter to weight or a list of matters");
      return null;
    }
    Map<MatterCode, Integer> bySelector = new LinkedHashMap<>();
    Map<MatterCode, Integer> byCode = new LinkedHashMap<>();
    boolean ok = true;
    if (y.isMap()) {
      for (Map.Entry<String, Y> e : y.entries()) {
        Integer weight = values.integer(e.getValue(), "weight", 1, 10);
        ok &=
            weight != null
                && select(e.getValue(), e.getKey(), weight, served, city, bySelector, byCode);
      }
    } else {
      for (Y item : y.items()) {
        String selector = values.text(item, "matter");
        ok &=
            selector != null
                && select(item, selector, LIST_WEIGHT, served, city, bySelector, byCode);
      }
    }
    bySelector.putAll(byCode);
    return ok ? bySelector : null;
  }

  private boolean select(
      Y at,
      String selector,
      int weight,
      Map<MatterCode, Matter> served,
      CityDefaults city,
      Map<MatterCode, Integer> bySelector,
      Map<MatterCode, Integer> byCode) {
    Predicate<Matter> pick = predicate(at, selector);
    if (pick == null) {
      if (selector.contains(":") || selector.equals("all")) {
        return false;
      }
      if (!city.written().contains(selector)) {
        values.problems().add(at, "unknown matter code '" + selector + "'");
        return false;
      }
      MatterCode code = new MatterCode(selector);
      if (!served.containsKey(code)) {
        if (city.catalogue().containsKey(code)) {
          values
              .problems()
              .add(
                  at,
                  "matter '" + selector + "' is not served by this hall (see the hall's matters)");
        }
        return false;
      }
      byCode.put(code, weight);
      return true;
    }
    List<MatterCode> picked = served.values().stream().filter(pick).map(Matter::code).toList();
    if (picked.isEmpty()) {
      values.problems().add(at, "selector '" + selector + "' picks no matter this hall serves");
      return false;
    }
    picked.forEach(c -> bySelector.put(c, weight));
    return true;
  }

  /** The predicate of a selector, or null for a plain code (or a broken selector, reported). */
  private Predicate<Matter> predicate(Y at, String selector) {
    if (selector.equals("all")) {
      return m -> true;
    }
    if (selector.startsWith("category:")) {
      Category c = enumOf(at, Category.class, selector.substring(9), "category");
      return c == null ? null : m -> m.category() == c;
    }
    if (selector.startsWith("flag:")) {
      MatterFlag f = enumOf(at, MatterFlag.class, selector.substring(5), "flag");
      return f == null ? null : m -> m.has(f);
    }
    if (selector.contains(":")) {
      values
          .problems()
          .add(
              at,
              "unknown selector '"
                  + selector
                  + "' (expected a matter code, category:X, flag:X or all)");
    }
    return null;
  }

  private <E extends Enum<E>> E enumOf(Y at, Class<E> type, String name, String what) {
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      values
          .problems()
          .add(
              at,
              "unknown "
                  + what
                  + " '"
                  + name
                  + "' in selector (expected one of "
                  + List.of(type.getEnumConstants())
                  + ")");
      return null;
    }
  }
}
