package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.MatterCode;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Among the first regular ticket of each matter the window serves, the one with the highest weight
 * times waiting time; ties go to the earlier arrival. Only queue heads are looked at.
 */
final class WeightedWaitPolicy implements RoutingPolicy {
  @Override
  public Optional<Pick> pick(HallState state, WindowState window, Instant now) {
    return Optional.ofNullable(best(state, window, now.toEpochMilli()))
        .map(t -> new Pick(t, PickRule.WEIGHTED_WAIT));
  }

  static Ticket best(HallState state, WindowState window, long nowMillis) {
    Ticket best = null;
    long bestScore = -1;
    for (Map.Entry<MatterCode, Integer> served : window.weights.entrySet()) {
      MatterQueue q = state.queue(served.getKey());
      if (q == null || q.regular.isEmpty()) {
        continue;
      }
      Ticket head = q.regular.first();
      long score = served.getValue() * (Math.max(0, nowMillis - head.arrivalMillis) + 1);
      if (score > bestScore || score == bestScore && Ticket.BY_ARRIVAL.compare(head, best) < 0) {
        best = head;
        bestScore = score;
      }
    }
    return best;
  }

  /** The longest-waiting regular ticket this window could serve. */
  static Ticket oldest(HallState state, WindowState window) {
    Ticket oldest = null;
    for (MatterCode matter : window.weights.keySet()) {
      MatterQueue q = state.queue(matter);
      if (q != null && !q.regular.isEmpty()) {
        Ticket head = q.regular.first();
        if (oldest == null || Ticket.BY_ARRIVAL.compare(head, oldest) < 0) {
          oldest = head;
        }
      }
    }
    return oldest;
  }
}
