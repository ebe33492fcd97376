package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.FairnessBound;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Green-channel tickets go before regular ones, but once a regular ticket has waited past the
 * channel's bound, a window calls at most the channel's run of green tickets before a regular.
 */
final class GreenChannelPolicy implements RoutingPolicy {
  /** For a ticket whose channel left the configuration: the strictest sensible bound. */
  private static final FairnessBound FALLBACK = new FairnessBound(Duration.ZERO, 1);

  @Override
  public Optional<Pick> pick(HallState state, WindowState window, Instant now) {
    Ticket green = firstGreen(state, window);
    if (green == null) {
      return Optional.empty();
    }
    GreenChannel channel = state.config.greenChannels().get(green.greenChannel);
    FairnessBound bound = channel == null ? FALLBACK : channel.fairness();
    if (window.greenInARow >= bound.maxGreenInARow()) {
      Ticket oldest = WeightedWaitPolicy.oldest(state, window);
      if (oldest != null
          && now.toEpochMilli() - oldest.arrivalMillis >= bound.regularMaxWait().toMillis()) {
        Ticket regular = WeightedWaitPolicy.best(state, window, now.toEpochMilli());
        return Optional.of(new Pick(regular, PickRule.FAIRNESS_BOUND));
      }
    }
    return Optional.of(new Pick(green, PickRule.GREEN_CHANNEL));
  }

  private static Ticket firstGreen(HallState state, WindowState window) {
    Ticket first = null;
    for (MatterCode matter : window.weights.keySet()) {
      MatterQueue q = state.queue(matter);
      if (q != null && !q.green.isEmpty()) {
        Ticket head = q.green.first();
        if (first == null || Ticket.BY_ARRIVAL.compare(head, first) < 0) {
          first = head;
        }
      }
    }
    return first;
  }
}
