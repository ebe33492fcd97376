package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.util.List;

/**
 * An event as the applier applied it, with what it changed, so that nobody downstream has to work
 * that out again from the event. Each list is in the order the live feed sends its entries, without
 * repeats; an event skipped after a loss in the journal changed nothing.
 *
 * @param tickets the tickets it moved, issued or ended
 * @param windows the windows whose state it changed, and the window a ticket it moved now is at or
 *     is directed to
 * @param matters the matters whose queue, estimate or open windows it changed
 * @param records the service records it opened, ended or rated
 */
public record Applied(
    SequencedEvent event,
    List<TicketId> tickets,
    List<WindowId> windows,
    List<MatterCode> matters,
    List<ServiceRecordId> records) {
  public Applied {
    tickets = List.copyOf(tickets);
    windows = List.copyOf(windows);
    matters = List.copyOf(matters);
    records = List.copyOf(records);
  }

  /** The ticket the event is about, if it is about one the hall still knows. */
  public TicketId ticket() {
    return tickets.isEmpty() ? null : tickets.get(0);
  }
}
