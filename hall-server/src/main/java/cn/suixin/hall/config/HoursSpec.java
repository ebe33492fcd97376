package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.ExtraSession;
import cn.suixin.hall.engine.config.OpeningHours;
import cn.suixin.hall.engine.config.Session;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opening hours as written at one level (city, hall or window), before they are layered: weekly
 * sessions replace the level above when given; extra sessions and closed dates add up.
 *
 * @param weekly empty when this level does not set weekly sessions
 */
record HoursSpec(Optional<List<Session>> weekly, List<ExtraSession> extra, Set<LocalDate> closed) {

  static final HoursSpec NONE = new HoursSpec(Optional.empty(), List.of(), Set.of());

  HoursSpec over(HoursSpec base) {
    List<ExtraSession> allExtra = new ArrayList<>(base.extra);
    allExtra.addAll(extra);
    Set<LocalDate> allClosed = new LinkedHashSet<>(base.closed);
    allClosed.addAll(closed);
    return new HoursSpec(weekly.isPresent() ? weekly : base.weekly, allExtra, allClosed);
  }

  OpeningHours toOpeningHours() {
    return new OpeningHours(weekly.orElse(List.of()), extra, closed, false);
  }
}
