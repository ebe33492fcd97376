package cn.suixin.hall.engine.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;

/** A weekly opening session, e.g. Monday to Friday 09:00-12:00. */
public record Session(Set<DayOfWeek> days, LocalTime open, LocalTime close) {
  public Session {
    days = Set.copyOf(days);
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException("session closes before it opens: " + open + "-" + close);
    }
  }

  public boolean contains(DayOfWeek day, LocalTime time) {
    return days.contains(day) && !time.isBefore(open) && time.isBefore(close);
  }
}
