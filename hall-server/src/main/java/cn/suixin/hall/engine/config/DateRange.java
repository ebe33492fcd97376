package cn.suixin.hall.engine.config;

import java.time.LocalDate;

/** Inclusive range of calendar days. */
public record DateRange(LocalDate from, LocalDate to) {
  public DateRange {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException("date range ends before it starts: " + from + " .. " + to);
    }
  }

  public boolean contains(LocalDate day) {
    return !day.isBefore(from) && !day.isAfter(to);
  }
}
