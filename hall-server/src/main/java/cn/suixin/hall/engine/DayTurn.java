package cn.suixin.hall.engine;

import java.time.LocalDate;

/** Starting a business day: empty queues and fresh numbering; yesterday stays readable. */
final class DayTurn {
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
    s.day = day;
  }
}
