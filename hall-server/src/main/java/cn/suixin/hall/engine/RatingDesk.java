package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.Decisions.accept;
import static cn.suixin.hall.engine.Decisions.blank;
import static cn.suixin.hall.engine.Decisions.reject;

import cn.suixin.hall.engine.HallCommand.RecordRating;
import cn.suixin.hall.engine.config.HallRules;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 好差评: one rating per service; 不满意 (2) and 非常不满意 (1) are bad reviews that need a reason and open a
 * follow-up case with a callback and a rectification deadline.
 */
final class RatingDesk {
  private final HallState s;

  RatingDesk(HallState state) {
    this.s = state;
  }

  Decision rate(RecordRating c, Instant now) {
    ServiceRecord r = c.record() == null ? null : s.records.get(c.record().value());
    if (r == null) {
      return reject(Rejection.UNKNOWN_SERVICE_RECORD);
    }
    if (r.finishedAt == null) {
      return reject(Rejection.SERVICE_NOT_FINISHED);
    }
    if (r.rating != 0) {
      return reject(Rejection.ALREADY_RATED);
    }
    if (c.level() < 1 || c.level() > 5) {
      return reject(Rejection.RATING_OUT_OF_RANGE);
    }
    boolean bad = c.level() <= 2;
    if (bad && c.reasons() == 0 && blank(c.comment())) {
      return reject(Rejection.BAD_RATING_NEEDS_REASON);
    }
    FollowUp followUp = bad ? followUp(LocalDate.ofInstant(now, s.config.zone())) : null;
    return accept(
        new HallEvent.RatingRecorded(
            c.record(), c.level(), c.reasons(), c.comment() == null ? "" : c.comment(), followUp));
  }

  private FollowUp followUp(LocalDate today) {
    HallRules rules = s.config.rules();
    return new FollowUp(
        plusWorkingDays(today, rules.callbackWorkingDays()), today.plusDays(rules.rectifyDays()));
  }

  /** Weekends do not count; public holidays are left to the supervisor's judgement. */
  static LocalDate plusWorkingDays(LocalDate from, int days) {
    LocalDate d = from;
    int left = days;
    while (left > 0) {
      d = d.plusDays(1);
      if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
        left--;
      }
    }
    return d;
  }
}
