package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.HallRules;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads the city's configuration directory: {@code city.yaml}, {@code matters.yaml} and one {@code
 * halls/<id>.yaml} per hall (layout and fields in {@code config/README.md}).
 *
 * <p>Everything is validated before anything is used; all problems found are thrown together in one
 * {@link ConfigException}, each with its file, line, column and YAML path.
 */
public final class ConfigLoader {
  static final String CITY = "city.yaml";
  static final String MATTERS = "matters.yaml";
  private static final List<String> CITY_FIELDS =
      List.of("name", "nameEn", "zone", "halls", "rules", "openingHours", "greenChannels");

  /**
   * Reads and validates the configuration in {@code configDir}.
   *
   * @return the city with its halls, the city hall first (the order of {@code halls} in city.yaml)
   * @throws ConfigException listing every problem found
   */
  public CityConfig load(Path configDir) {
    Problems problems = new Problems();
    Values values = new Values(problems);
    HoursReader hours = new HoursReader(values);
    Optional<Y> cityFile = YamlFile.read(configDir, CITY, problems);
    Optional<Y> mattersFile = YamlFile.read(configDir, MATTERS, problems);
    MatterReader matterReader = new MatterReader(values);
    Map<MatterCode, Matter> catalogue = mattersFile.map(matterReader::read).orElse(Map.of());
    if (cityFile.isEmpty()) {
      problems.throwIfAny();
    }
    Y city = cityFile.orElseThrow();
    city.onlyFields(CITY_FIELDS, problems);
    if (mattersFile.isEmpty()) {
      // Without the catalogue every matter, selector and channel elsewhere reads as unknown: one
      // slip in matters.yaml came out as 175 problems. Report what each file gets wrong on its own.
      hallIds(city.get("halls"), configDir, values)
          .forEach(id -> YamlFile.read(configDir, "halls/" + id + ".yaml", problems));
      problems.throwIfAny();
    }
    String name = values.text(city.get("name"), "city name");
    String nameEn = values.text(city.get("nameEn"), "nameEn");
    Map<ChannelId, GreenChannel> channels =
        new GreenChannelReader(values, hours)
            .read(city.get("greenChannels"), catalogue, matterReader.written());
    CityDefaults defaults =
        new CityDefaults(
            zone(city.get("zone"), values),
            catalogue,
            matterReader.written(),
            channels,
            hours.read(city.get("openingHours")),
            new RulesReader(values).read(city.get("rules"), HallRules.defaults()));
    List<HallConfig> halls = new ArrayList<>();
    HallReader hallReader = new HallReader(values);
    for (String id : hallIds(city.get("halls"), configDir, values)) {
      YamlFile.read(configDir, "halls/" + id + ".yaml", problems)
          .map(root -> hallReader.read(root, id, defaults))
          .ifPresent(halls::add);
    }
    problems.throwIfAny();
    return new CityConfig(name, nameEn, halls);
  }

  private static ZoneId zone(Y y, Values values) {
    String text = values.optionalText(y, "zone", "Asia/Shanghai");
    try {
      return text == null ? ZoneId.of("Asia/Shanghai") : ZoneId.of(text);
    } catch (DateTimeException e) {
      values.problems().add(y, "unknown time zone '" + text + "'");
      return ZoneId.of("Asia/Shanghai");
    }
  }

  /** The hall ids listed in city.yaml; a hall file that is not listed is a mistake too. */
  private static Set<String> hallIds(Y y, Path configDir, Values values) {
    Set<String> ids = new LinkedHashSet<>();
    if (!y.isList() || y.items().isEmpty()) {
      values
          .problems()
          .add(y, "halls must be a non-empty list of hall ids (files halls/<id>.yaml)");
      return ids;
    }
    for (Y item : y.items()) {
      String id = values.id(item, "hall id");
      if (id != null && !ids.add(id)) {
        values.problems().add(item, "hall '" + id + "' is listed twice");
      }
    }
    try (Stream<Path> files = Files.list(configDir.resolve("halls"))) {
      files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".yaml"))
          .sorted()
          .filter(f -> !ids.contains(f.substring(0, f.length() - 5)))
          .forEach(f -> values.problems().add(y, "halls/" + f + " is not listed in halls"));
    } catch (IOException e) {
      values.problems().add(y, "cannot list the halls directory: " + e.getMessage());
    }
    return ids;
  }
}
