package cn.suixin.hall.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which ticket a window calls next, read as a sentence: tickets sent to this window, then
 * appointments in their slot, then green channels within their fairness bound, then the weighted
 * longest wait.
 */
final class Router {
  private static final List<RoutingPolicy> POLICIES =
      List.of(
          new DirectedPolicy(),
          new AppointmentPolicy(),
          new GreenChannelPolicy(),
          new WeightedWaitPolicy());

  private Router() {}

  static Optional<Pick> next(HallState state, WindowState window, Instant now) {
    for (RoutingPolicy policy : POLICIES) {
      Optional<Pick> pick = policy.pick(state, window, now);
      if (pick.isPresent()) {
        return pick;
      }
    }
    return Optional.empty();
  }
}
