package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.DateRange;
import cn.suixin.hall.engine.config.FairnessBound;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads the city's green channels (绿色通道); halls refer to them by id. */
final class GreenChannelReader {
  private static final List<String> FIELDS =
      List.of(
          "id",
          "name",
          "nameEn",
          "periods",
          "matters",
          "proof",
          "proofEn",
          "dailyQuota",
          "fairness");

  private final Values values;
  private final HoursReader hours;

  GreenChannelReader(Values values, HoursReader hours) {
    this.values = values;
    this.hours = hours;
  }

  /**
   * @param written codes written in the catalogue; a matter dropped for its own errors is not
   *     reported again as unknown here
   */
  Map<ChannelId, GreenChannel> read(
      Y list, Map<MatterCode, Matter> catalogue, Set<String> written) {
    Map<ChannelId, GreenChannel> out = new LinkedHashMap<>();
    if (list.missing()) {
      return out;
    }
    if (!list.isList()) {
      values.problems().add(list, "greenChannels must be a list");
      return out;
    }
    for (Y g : list.items()) {
      GreenChannel channel = channel(g, catalogue, written);
      if (channel != null && out.putIfAbsent(channel.id(), channel) != null) {
        values.problems().add(g.get("id"), "duplicate green channel id '" + channel.id() + "'");
      }
    }
    return out;
  }

  private GreenChannel channel(Y g, Map<MatterCode, Matter> catalogue, Set<String> written) {
    g.onlyFields(FIELDS, values.problems());
    String id = values.id(g.get("id"), "green channel id");
    String name = values.text(g.get("name"), "name");
    String nameEn = values.text(g.get("nameEn"), "nameEn");
    String proof = values.text(g.get("proof"), "proof");
    String proofEn = values.text(g.get("proofEn"), "proofEn");
    Integer quota = values.optionalInteger(g.get("dailyQuota"), "dailyQuota", 0, 100_000, 0);
    List<DateRange> periods = periods(g.get("periods"));
    Set<MatterCode> matters = matters(g.get("matters"), catalogue, written);
    FairnessBound fairness = fairness(g.get("fairness"));
    if (id == null
        || name == null
        || nameEn == null
        || proof == null
        || proofEn == null
        || quota == null
        || periods == null
        || matters == null
        || fairness == null) {
      return null;
    }
    return new GreenChannel(
        new ChannelId(id), name, nameEn, periods, matters, proof, proofEn, quota, fairness);
  }

  private List<DateRange> periods(Y y) {
    if (!y.isList() || y.items().isEmpty()) {
      values
          .problems()
          .add(y, "periods must be a non-empty list of date ranges like 2026-05-20..2026-06-06");
      return null;
    }
    List<DateRange> out = new ArrayList<>();
    for (Y p : y.items()) {
      List<LocalDate> days = hours.range(p);
      if (days.isEmpty()) {
        return null;
      }
      out.add(new DateRange(days.get(0), days.get(days.size() - 1)));
    }
    return out;
  }

  private Set<MatterCode> matters(Y y, Map<MatterCode, Matter> catalogue, Set<String> written) {
    if (!y.isList() || y.items().isEmpty()) {
      values.problems().add(y, "matters must be a non-empty list of matter codes");
      return null;
    }
    Set<MatterCode> out = new LinkedHashSet<>();
    for (Y m : y.items()) {
      String code = values.id(m, "matter code");
      if (code != null && !catalogue.containsKey(new MatterCode(code))) {
        if (!written.contains(code)) {
          values.problems().add(m, "unknown matter code '" + code + "'");
        }
      } else if (code != null) {
        out.add(new MatterCode(code));
      }
    }
    return out.size() == y.items().size() ? out : null;
  }

  private FairnessBound fairness(Y y) {
    if (!y.isMap()) {
      values
          .problems()
          .add(y, "fairness must be a map with regularMaxWaitMinutes and maxGreenInARow");
      return null;
    }
    y.onlyFields(List.of("regularMaxWaitMinutes", "maxGreenInARow"), values.problems());
    Integer wait = values.integer(y.get("regularMaxWaitMinutes"), "regularMaxWaitMinutes", 0, 240);
    Integer inARow = values.integer(y.get("maxGreenInARow"), "maxGreenInARow", 1, 20);
    return wait == null || inARow == null
        ? null
        : new FairnessBound(Duration.ofMinutes(wait), inARow);
  }
}
