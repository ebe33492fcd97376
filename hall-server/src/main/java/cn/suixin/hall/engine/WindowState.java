package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A window as the hall holds it now. Changed only by the event applier. */
public final class WindowState {
  final Window config;
  final Map<MatterCode, Integer> weights = new LinkedHashMap<>();
  final TreeSet<Ticket> directed = new TreeSet<>(Ticket.BY_ARRIVAL);
  final Set<TicketId> parked = new LinkedHashSet<>();
  boolean open = true;
  String pausedReason;
  Clerk clerk;
  Ticket current;

  /** Green tickets called here since the last regular one: the fairness bound counts these. */
  int greenInARow;

  WindowState(Window config) {
    this.config = config;
    weights.putAll(config.weights());
  }

  public WindowId id() {
    return config.id();
  }

  public Window config() {
    return config;
  }

  public Map<MatterCode, Integer> weights() {
    return Map.copyOf(weights);
  }

  public boolean serves(MatterCode matter) {
    return weights.containsKey(matter);
  }

  public boolean open() {
    return open;
  }

  public boolean paused() {
    return pausedReason != null;
  }

  public String pausedReason() {
    return pausedReason;
  }

  public Clerk clerk() {
    return clerk;
  }

  public Ticket current() {
    return current;
  }

  public Set<TicketId> parked() {
    return Set.copyOf(parked);
  }

  public int directedWaiting() {
    return directed.size();
  }

  /** Whether it can take a call now (hours aside). */
  public boolean available() {
    return open && pausedReason == null && clerk != null;
  }
}
