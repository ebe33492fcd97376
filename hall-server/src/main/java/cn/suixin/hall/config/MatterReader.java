package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.Category;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.MatterFlag;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads the shared matter catalogue ({@code matters.yaml}): every matter of the city once. */
final class MatterReader {
  private static final Pattern PREFIX = Pattern.compile("[A-Z]{1,2}");
  private static final List<String> FIELDS =
      List.of(
          "code",
          "name",
          "nameEn",
          "prefix",
          "category",
          "legalDays",
          "promisedDays",
          "flags",
          "dailyQuota",
          "typicalServiceMinutes");

  private final Values values;
  private final Set<String> written = new java.util.HashSet<>();

  MatterReader(Values values) {
    this.values = values;
  }

  Map<MatterCode, Matter> read(Y root) {
    Map<MatterCode, Matter> out = new LinkedHashMap<>();
    root.onlyFields(List.of("matters"), values.problems());
    Y list = root.get("matters");
    if (!list.isList() || list.items().isEmpty()) {
      values.problems().add(list, "matters must be a non-empty list");
      return out;
    }
    for (Y m : list.items()) {
      Matter matter = matter(m);
      if (matter != null && out.putIfAbsent(matter.code(), matter) != null) {
        values.problems().add(m.get("code"), "duplicate matter code '" + matter.code() + "'");
      }
    }
    return out;
  }

  /** Codes written in the catalogue, including matters dropped for other errors. */
  Set<String> written() {
    return written;
  }

  private Matter matter(Y m) {
    if (m.isMap() && m.get("code").isScalar()) {
      written.add(m.get("code").text().strip());
    }
    if (!m.isMap()) {
      values.problems().add(m, "a matter must be a map with " + FIELDS);
      return null;
    }
    m.onlyFields(FIELDS, values.problems());
    String code = values.id(m.get("code"), "matter code");
    String name = values.text(m.get("name"), "name");
    String nameEn = values.text(m.get("nameEn"), "nameEn");
    String prefix = values.text(m.get("prefix"), "prefix");
    if (prefix != null && !PREFIX.matcher(prefix).matches()) {
      values
          .problems()
          .add(m.get("prefix"), "prefix '" + prefix + "' must be 1-2 uppercase letters A-Z");
      prefix = null;
    }
    Category category = values.enumValue(m.get("category"), "category", Category.class);
    Integer legal = values.integer(m.get("legalDays"), "legalDays", 0, 365);
    Integer promised = values.integer(m.get("promisedDays"), "promisedDays", 0, 365);
    if (legal != null && promised != null && promised > legal) {
      values
          .problems()
          .add(
              m.get("promisedDays"),
              "promisedDays " + promised + " is more than legalDays " + legal);
      promised = null;
    }
    Set<MatterFlag> flags = flags(m.get("flags"));
    Integer quota = values.optionalInteger(m.get("dailyQuota"), "dailyQuota", 0, 100_000, 0);
    Integer minutes =
        values.integer(m.get("typicalServiceMinutes"), "typicalServiceMinutes", 1, 480);
    if (code == null
        || name == null
        || nameEn == null
        || prefix == null
        || category == null
        || legal == null
        || promised == null
        || flags == null
        || quota == null
        || minutes == null) {
      return null;
    }
    return new Matter(
        new MatterCode(code),
        name,
        nameEn,
        prefix,
        category,
        legal,
        promised,
        flags,
        quota,
        Duration.ofMinutes(minutes));
  }

  private Set<MatterFlag> flags(Y y) {
    Set<MatterFlag> out = EnumSet.noneOf(MatterFlag.class);
    if (y.missing()) {
      return out;
    }
    if (!y.isList()) {
      values.problems().add(y, "flags must be a list such as [ZERO_MATERIAL, DELEGATED]");
      return null;
    }
    boolean ok = true;
    for (Y f : y.items()) {
      MatterFlag flag = values.enumValue(f, "flag", MatterFlag.class);
      ok &= flag != null;
      if (flag != null) {
        out.add(flag);
      }
    }
    return ok ? out : null;
  }
}
