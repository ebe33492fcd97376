package cn.suixin.hall.engine;

import java.time.Instant;
import java.util.Optional;

/** Tickets transferred to this very window go first: the citizen was sent here by a clerk. */
final class DirectedPolicy implements RoutingPolicy {
  @Override
  public Optional<Pick> pick(HallState state, WindowState window, Instant now) {
    return window.directed.isEmpty()
        ? Optional.empty()
        : Optional.of(new Pick(window.directed.first(), PickRule.DIRECTED_TO_WINDOW));
  }
}
