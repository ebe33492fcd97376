package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.HallRules;
import java.time.Duration;
import java.util.List;

/** Reads a {@code rules} block; every field is optional and falls back to the level above. */
final class RulesReader {
  private final Values values;

  RulesReader(Values values) {
    this.values = values;
  }

  HallRules read(Y y, HallRules base) {
    if (y.missing()) {
      return base;
    }
    if (!y.isMap()) {
      values.problems().add(y, "rules must be a map");
      return base;
    }
    y.onlyFields(
        List.of(
            "maxRecalls",
            "noShowRequeues",
            "maxPartySize",
            "appointmentEarlyMinutes",
            "appointmentLateMinutes",
            "callbackWorkingDays",
            "rectifyDays"),
        values.problems());
    Integer recalls =
        values.optionalInteger(y.get("maxRecalls"), "maxRecalls", 0, 10, base.maxRecalls());
    Integer requeues =
        values.optionalInteger(
            y.get("noShowRequeues"), "noShowRequeues", 0, 10, base.noShowRequeues());
    Integer party =
        values.optionalInteger(y.get("maxPartySize"), "maxPartySize", 1, 50, base.maxPartySize());
    Integer early =
        values.optionalInteger(
            y.get("appointmentEarlyMinutes"),
            "appointmentEarlyMinutes",
            0,
            240,
            (int) base.appointmentEarly().toMinutes());
    Integer late =
        values.optionalInteger(
            y.get("appointmentLateMinutes"),
            "appointmentLateMinutes",
            0,
            240,
            (int) base.appointmentLate().toMinutes());
    Integer callback =
        values.optionalInteger(
            y.get("callbackWorkingDays"), "callbackWorkingDays", 0, 30, base.callbackWorkingDays());
    Integer rectify =
        values.optionalInteger(y.get("rectifyDays"), "rectifyDays", 0, 90, base.rectifyDays());
    if (recalls == null
        || requeues == null
        || party == null
        || early == null
        || late == null
        || callback == null
        || rectify == null) {
      return base;
    }
    return new HallRules(
        recalls,
        requeues,
        party,
        Duration.ofMinutes(early),
        Duration.ofMinutes(late),
        callback,
        rectify);
  }
}
