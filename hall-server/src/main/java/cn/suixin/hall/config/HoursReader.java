package cn.suixin.hall.config;

import cn.suixin.hall.engine.config.ExtraSession;
import cn.suixin.hall.engine.config.Session;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reads an opening-hours block: {@code weekly}, {@code extra} and {@code closed}. */
final class HoursReader {
  private static final List<String> DAY_NAMES =
      List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

  private final Values values;

  HoursReader(Values values) {
    this.values = values;
  }

  HoursSpec read(Y y) {
    if (y.missing()) {
      return HoursSpec.NONE;
    }
    if (!y.isMap()) {
      values.problems().add(y, "opening hours must be a map with weekly, extra and closed");
      return HoursSpec.NONE;
    }
    y.onlyFields(List.of("weekly", "extra", "closed", "workdays"), values.problems());
    Optional<List<Session>> weekly =
        y.get("weekly").missing() ? Optional.empty() : Optional.of(weekly(y.get("weekly")));
    Optional<List<ExtraSession>> extra =
        y.get("extra").missing() ? Optional.empty() : Optional.of(extra(y.get("extra")));
    return new HoursSpec(
        weekly,
        extra,
        dates(y.get("closed"), "closed dates"),
        dates(y.get("workdays"), "workdays"));
  }

  private List<Session> weekly(Y list) {
    List<Session> out = new ArrayList<>();
    for (Y s : listOf(list, "weekly sessions")) {
      s.onlyFields(List.of("days", "open", "close"), values.problems());
      Set<DayOfWeek> days = days(s.get("days"));
      LocalTime open = values.time(s.get("open"), "open time");
      LocalTime close = values.time(s.get("close"), "close time");
      if (days != null && open != null && close != null && closesInTime(s, open, close)) {
        out.add(new Session(days, open, close));
      }
    }
    return out;
  }

  private List<ExtraSession> extra(Y list) {
    List<ExtraSession> out = new ArrayList<>();
    for (Y s : listOf(list, "extra sessions")) {
      s.onlyFields(List.of("date", "dates", "days", "open", "close", "reason"), values.problems());
      LocalTime open = values.time(s.get("open"), "open time");
      LocalTime close = values.time(s.get("close"), "close time");
      String reason = values.text(s.get("reason"), "reason");
      List<LocalDate> dates = extraDates(s);
      if (open != null && close != null && reason != null && closesInTime(s, open, close)) {
        dates.forEach(d -> out.add(new ExtraSession(d, open, close, reason)));
      }
    }
    return out;
  }

  /**
   * {@code date: 2026-07-04}, or {@code dates:} a date, a range {@code 2026-07-01..2026-08-31} or a
   * list of those, narrowed by an optional {@code days}.
   */
  private List<LocalDate> extraDates(Y s) {
    List<LocalDate> out = new ArrayList<>();
    if (!s.get("date").missing()) {
      LocalDate d = values.date(s.get("date"), "date");
      if (d != null) {
        out.add(d);
      }
      return out;
    }
    if (s.get("dates").missing()) {
      values.problems().add(s, "an extra session needs 'date' or 'dates'");
      return out;
    }
    Set<DayOfWeek> days =
        s.get("days").missing() ? EnumSet.allOf(DayOfWeek.class) : days(s.get("days"));
    Y dates = s.get("dates");
    List<LocalDate> range = new ArrayList<>();
    (dates.isList() ? dates.items() : List.of(dates)).forEach(d -> range.addAll(range(d)));
    if (days != null) {
      range.stream().filter(d -> days.contains(d.getDayOfWeek())).forEach(out::add);
    }
    return out;
  }

  private Set<LocalDate> dates(Y list, String what) {
    Set<LocalDate> out = new LinkedHashSet<>();
    for (Y item : listOf(list, what)) {
      out.addAll(range(item));
    }
    return out;
  }

  /** A date or an inclusive range {@code 2026-10-01..2026-10-07}. */
  List<LocalDate> range(Y y) {
    String text = values.text(y, "date or date range");
    List<LocalDate> out = new ArrayList<>();
    if (text == null) {
      return out;
    }
    int dots = text.indexOf("..");
    LocalDate from = values.date(y, "date", dots < 0 ? text : text.substring(0, dots).strip());
    LocalDate to = dots < 0 ? from : values.date(y, "date", text.substring(dots + 2).strip());
    if (from == null || to == null) {
      return out;
    }
    if (to.isBefore(from)) {
      values.problems().add(y, "date range " + text + " ends before it starts");
      return out;
    }
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
    }
    return out;
  }

  /** {@code MON-FRI}, {@code SAT}, {@code MON,WED} or a list of those. */
  Set<DayOfWeek> days(Y y) {
    List<Y> parts = y.isList() ? y.items() : List.of(y);
    Set<DayOfWeek> out = EnumSet.noneOf(DayOfWeek.class);
    boolean ok = true;
    for (Y part : parts) {
      String text = values.text(part, "days");
      if (text == null) {
        return null;
      }
      for (String piece : text.split(",")) {
        ok &= addDays(part, piece.strip().toUpperCase(), out);
      }
    }
    return ok ? out : null;
  }

  private boolean addDays(Y y, String piece, Set<DayOfWeek> out) {
    String[] ends = piece.split("-", -1);
    if (ends.length > 2) {
      values.problems().add(y, "days '" + piece + "' must be a day or a range like MON-FRI");
      return false;
    }
    int from = DAY_NAMES.indexOf(ends[0].strip());
    int to = DAY_NAMES.indexOf(ends[ends.length - 1].strip());
    if (from < 0 || to < 0) {
      values.problems().add(y, "unknown day name in '" + piece + "' (expected " + DAY_NAMES + ")");
      return false;
    }
    if (to < from) {
      values
          .problems()
          .add(y, "day range '" + piece + "' runs backwards (write MON-FRI, not FRI-MON)");
      return false;
    }
    for (int d = from; d <= to; d++) {
      out.add(DayOfWeek.of(d + 1));
    }
    return true;
  }

  private boolean closesInTime(Y s, LocalTime open, LocalTime close) {
    if (!close.isAfter(open)) {
      values
          .problems()
          .add(s.get("close"), "session closes at " + close + ", not after it opens at " + open);
      return false;
    }
    return true;
  }

  private List<Y> listOf(Y y, String what) {
    if (y.missing()) {
      return List.of();
    }
    if (!y.isList()) {
      values.problems().add(y, what + " must be a list");
      return List.of();
    }
    return y.items();
  }
}
