package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.ExtraSession;
import cn.suixin.hall.engine.config.OpeningHours;
import cn.suixin.hall.engine.config.Session;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Opening hours as written at one level (city, hall or window), before they are layered: {@code
 * weekly} and {@code extra} replace the level above when given; {@code closed} and {@code workdays}
 * add up.
 *
 * @param workdays make-up working days (调休上班): weekend dates that run the Monday sessions
 */
record HoursSpec(
    Optional<List<Session>> weekly,
    Optional<List<ExtraSession>> extra,
    Set<LocalDate> closed,
    Set<LocalDate> workdays) {

  static final HoursSpec NONE =
      new HoursSpec(Optional.empty(), Optional.empty(), Set.of(), Set.of());

  HoursSpec over(HoursSpec base) {
    Set<LocalDate> allClosed = new LinkedHashSet<>(base.closed);
    allClosed.addAll(closed);
    Set<LocalDate> allWorkdays = new LinkedHashSet<>(base.workdays);
    allWorkdays.addAll(workdays);
    return new HoursSpec(
        weekly.isPresent() ? weekly : base.weekly,
        extra.isPresent() ? extra : base.extra,
        allClosed,
        allWorkdays);
  }

  OpeningHours toOpeningHours() {
    List<Session> sessions = weekly.orElse(List.of());
    List<ExtraSession> all = new ArrayList<>(extra.orElse(List.of()));
    for (LocalDate day : workdays) {
      sessions.stream()
          .filter(s -> s.days().contains(DayOfWeek.MONDAY))
          .forEach(
              s -> all.add(new ExtraSession(day, s.open(), s.close(), "调休上班 make-up working day")));
    }
    return new OpeningHours(sessions, all, closed, false);
  }
}
