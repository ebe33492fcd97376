package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What the applier changed while applying one event, collected for {@link Applied}. */
final class Touches {
  private final HallState s;
  private final Set<TicketId> tickets = new LinkedHashSet<>();
  private final Set<WindowId> windows = new LinkedHashSet<>();
  private final Set<MatterCode> matters = new LinkedHashSet<>();
  private final Set<ServiceRecordId> records = new LinkedHashSet<>();

  Touches(HallState state) {
    this.s = state;
  }

  /**
   * A ticket just moved: its matter's queue, and the window it now stands at or is directed to.
   * Called after the move, so it names where the ticket is, not where it was.
   */
  Touches ticket(TicketId id) {
    Ticket t = s.tickets.get(id);
    tickets.add(id);
    matters.add(t.matter);
    window(t.window);
    window(t.directedTo);
    return this;
  }

  Touches window(WindowId id) {
    if (id != null) {
      windows.add(id);
    }
    return this;
  }

  /**
   * Opening, pausing or staffing a window changes the estimates of every matter it serves. They are
   * listed by code: the window's own map is in an order that changes from one JVM to the next.
   */
  Touches staffingOf(WindowId id) {
    window(id);
    matters.addAll(new TreeSet<>(s.windows.get(id).weights.keySet()));
    return this;
  }

  Touches matter(MatterCode code) {
    matters.add(code);
    return this;
  }

  Touches record(ServiceRecordId id) {
    if (id != null) {
      records.add(id);
    }
    return this;
  }

  Applied of(SequencedEvent se) {
    return new Applied(
        se, List.copyOf(tickets), List.copyOf(windows), List.copyOf(matters), List.copyOf(records));
  }
}
