package cn.suixin.hall.engine;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Starting a business day: empty queues and fresh numbering. The last {@value #HISTORY_DAYS}
 * business days stay readable (a citizen's ticket page, a late rating, a window's history); older
 * tickets, service records and number blocks leave memory, so a hall that runs for months keeps a
 * bounded state and its snapshots stay small. The journal keeps every event for reports.
 */
final class DayTurn {
  /** Days of history kept in memory before the current business day. */
  static final int HISTORY_DAYS = 7;

  private final HallState s;

  DayTurn(HallState state) {
    this.s = state;
  }

  void start(LocalDate day) {
    for (Ticket t : s.tickets.values()) {
      if (t.status.active()) {
        t.status = TicketStatus.EXPIRED;
      }
    }
    s.queues.values().forEach(MatterQueue::clear);
    for (WindowState w : s.windows.values()) {
      w.current = null;
      w.directed.clear();
      w.parked.clear();
      w.greenInARow = 0;
      w.pausedReason = null;
      w.clerk = null;
      w.open = true;
    }
    s.windowByClerk.clear();
    s.lastNumberByPrefix.clear();
    s.issuedByMatter.clear();
    s.issuedByChannel.clear();
    s.activeByPerson.clear();
    s.finishedToday.clear();
    forgetBefore(day.minusDays(HISTORY_DAYS));
    s.day = day;
  }

  /** A bad review's follow-up keeps its service record until the rectification is due. */
  private void forgetBefore(LocalDate keepFrom) {
    ZoneId zone = s.config.zone();
    s.tickets
        .values()
        .removeIf(
            t -> !t.status.active() && LocalDate.ofInstant(t.arrival, zone).isBefore(keepFrom));
    s.records
        .values()
        .removeIf(
            r ->
                LocalDate.ofInstant(r.startedAt, zone).isBefore(keepFrom)
                    && (r.followUp == null || r.followUp.rectifyDue().isBefore(keepFrom)));
    s.blocks.values().removeIf(b -> b.day.isBefore(keepFrom));
  }
}
