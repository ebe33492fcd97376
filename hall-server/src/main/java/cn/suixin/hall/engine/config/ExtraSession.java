package cn.suixin.hall.engine.config;

import java.time.LocalDate;
import java.time.LocalTime;

/** 延时服务 or a weekend special session (周末专场) on one date. */
public record ExtraSession(LocalDate date, LocalTime open, LocalTime close, String reason) {
  public ExtraSession {
    if (!close.isAfter(open)) {
      throw new IllegalArgumentException(
          "extra session closes before it opens: " + open + "-" + close);
    }
  }

  public boolean contains(LocalDate day, LocalTime time) {
    return date.equals(day) && !time.isBefore(open) && time.isBefore(close);
  }
}
