package cn.suixin.hall.engine.config;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * When a hall or a window takes tickets: weekly sessions, extra sessions on given dates, and closed
 * dates (public holidays) that win over weekly sessions but not over extra sessions.
 */
public record OpeningHours(
    List<Session> weekly,
    List<ExtraSession> extra,
    Set<LocalDate> closedDays,
    boolean aroundTheClock) {

  public OpeningHours {
    weekly = List.copyOf(weekly);
    extra = List.copyOf(extra);
    closedDays = Set.copyOf(closedDays);
  }

  /** Demo halls and 7x24 self-service areas. */
  public static OpeningHours alwaysOpen() {
    return new OpeningHours(List.of(), List.of(), Set.of(), true);
  }

  public boolean isOpen(LocalDateTime local) {
    if (aroundTheClock) {
      return true;
    }
    LocalDate day = local.toLocalDate();
    LocalTime time = local.toLocalTime();
    if (extra.stream().anyMatch(s -> s.contains(day, time))) {
      return true;
    }
    return !closedDays.contains(day)
        && weekly.stream().anyMatch(s -> s.contains(day.getDayOfWeek(), time));
  }

  /** The next moment at or after {@code local} when it opens, looking two weeks ahead. */
  public Optional<LocalDateTime> nextOpening(LocalDateTime local) {
    if (isOpen(local)) {
      return Optional.of(local);
    }
    LocalDateTime best = null;
    for (int d = 0; d <= 14; d++) {
      LocalDate day = local.toLocalDate().plusDays(d);
      for (ExtraSession s : extra) {
        best = earlier(best, candidate(local, day, s.date().equals(day), s.open()));
      }
      if (!closedDays.contains(day)) {
        for (Session s : weekly) {
          best =
              earlier(best, candidate(local, day, s.days().contains(day.getDayOfWeek()), s.open()));
        }
      }
      if (best != null) {
        return Optional.of(best);
      }
    }
    return Optional.empty();
  }

  private static LocalDateTime candidate(
      LocalDateTime now, LocalDate day, boolean applies, LocalTime open) {
    LocalDateTime at = day.atTime(open);
    return applies && at.isAfter(now) ? at : null;
  }

  private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isBefore(b) ? a : b;
  }
}
