package cn.suixin.hall.engine.config;

import java.time.Duration;

/**
 * House rules of a hall that supervisors tune.
 *
 * @param maxRecalls how often a clerk may call the same ticket again
 * @param noShowRequeues how often a no-show goes back to the queue (0: never)
 * @param maxPartySize largest group one ticket may cover
 * @param appointmentEarly how early before its slot an appointment may be called
 * @param appointmentLate how late after its slot an appointment still goes first
 * @param callbackWorkingDays bad review: callback due within this many working days
 * @param rectifyDays bad review: rectification due within this many days
 */
public record HallRules(
    int maxRecalls,
    int noShowRequeues,
    int maxPartySize,
    Duration appointmentEarly,
    Duration appointmentLate,
    int callbackWorkingDays,
    int rectifyDays) {

  public static HallRules defaults() {
    return new HallRules(2, 1, 6, Duration.ofMinutes(10), Duration.ofMinutes(15), 1, 15);
  }
}
