package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.HallRules;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.Instant;
import java.util.Optional;

/**
 * An appointment whose slot is on (a little early allowed, a little late tolerated) goes before
 * walk-ins. Before or well after its slot it simply waits in arrival order with everyone else.
 */
final class AppointmentPolicy implements RoutingPolicy {
  @Override
  public Optional<Pick> pick(HallState state, WindowState window, Instant now) {
    HallRules rules = state.config.rules();
    Ticket best = null;
    for (MatterCode matter : window.weights.keySet()) {
      for (Ticket t : state.queue(matter).appointments) {
        if (t.appointment.slotStart().minus(rules.appointmentEarly()).isAfter(now)) {
          break;
        }
        if (!now.isAfter(t.appointment.slotEnd().plus(rules.appointmentLate()))) {
          if (best == null || Ticket.BY_SLOT.compare(t, best) < 0) {
            best = t;
          }
          break;
        }
      }
    }
    return Optional.ofNullable(best).map(t -> new Pick(t, PickRule.APPOINTMENT_IN_SLOT));
  }
}
