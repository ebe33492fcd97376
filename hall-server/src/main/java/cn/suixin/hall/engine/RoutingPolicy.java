package cn.suixin.hall.engine;

import java.time.Instant;
import java.util.Optional;

/** One rule of which ticket a window gets next; the router asks them in order. */
interface RoutingPolicy {
  Optional<Pick> pick(HallState state, WindowState window, Instant now);
}
