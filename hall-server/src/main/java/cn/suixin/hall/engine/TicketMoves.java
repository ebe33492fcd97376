package cn.suixin.hall.engine;

import cn.suixin.hall.engine.HallEvent.GreenChannelGranted;
import cn.suixin.hall.engine.HallEvent.TicketCalled;
import cn.suixin.hall.engine.HallEvent.TicketCancelled;
import cn.suixin.hall.engine.HallEvent.TicketIssued;
import cn.suixin.hall.engine.HallEvent.TicketNoShow;
import cn.suixin.hall.engine.HallEvent.TicketParked;
import cn.suixin.hall.engine.HallEvent.TicketResumed;
import cn.suixin.hall.engine.HallEvent.TicketTransferred;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.Instant;

/** How tickets move between queues, windows and the parked list when events are applied. */
final class TicketMoves {
  private final HallState s;

  TicketMoves(HallState state) {
    this.s = state;
  }

  void issued(TicketIssued e) {
    Ticket t = new Ticket(e);
    s.tickets.put(t.id, t);
    enqueue(t);
    s.issuedByMatter.merge(t.matter, 1, Integer::sum);
    if (t.greenChannel != null) {
      s.issuedByChannel.merge(t.greenChannel, 1, Integer::sum);
    }
    if (t.personKey() != null) {
      s.activeByPerson.put(t.personKey(), t.id);
    }
    s.nextSerial = e.serial() + 1;
    if (e.source() == TicketSource.OFFLINE) {
      markOfflineNumberUsed(t);
    } else {
      String prefix = s.config.matters().get(t.matter).prefix();
      s.lastNumberByPrefix.put(prefix, Integer.parseInt(t.number.substring(prefix.length())));
    }
  }

  void called(TicketCalled e, Instant at) {
    Ticket t = s.tickets.get(e.ticket());
    dequeue(t);
    WindowState w = s.windows.get(e.window());
    t.status = TicketStatus.CALLED;
    t.window = e.window();
    t.calledAt = at;
    w.current = t;
    w.greenInARow = e.rule() == PickRule.GREEN_CHANNEL ? w.greenInARow + 1 : 0;
  }

  void noShow(TicketNoShow e) {
    Ticket t = s.tickets.get(e.ticket());
    s.windows.get(e.window()).current = null;
    t.noShows++;
    t.window = null;
    if (e.requeued()) {
      t.status = TicketStatus.WAITING;
      enqueue(t);
    } else {
      t.status = TicketStatus.NO_SHOW;
      forgetPerson(t);
    }
  }

  void transferred(TicketTransferred e, Instant at) {
    Ticket t = s.tickets.get(e.ticket());
    s.windows.get(e.fromWindow()).current = null;
    if (t.record != null) {
      ServiceRecord r = s.records.get(t.record.value());
      r.finishedAt = at;
      r.outcome =
          new Outcome.Referred(
              e.toWindow() != null ? "window " + e.toWindow() : "matter " + e.toMatter());
      t.record = null;
    }
    t.status = TicketStatus.WAITING;
    t.window = null;
    if (e.toMatter() != null) {
      changeMatter(t, e.toMatter());
    }
    t.directedTo = e.toWindow();
    enqueue(t);
  }

  void parked(TicketParked e) {
    Ticket t = s.tickets.get(e.ticket());
    WindowState w = s.windows.get(e.window());
    w.current = null;
    w.parked.add(t.id);
    t.status = TicketStatus.PARKED;
  }

  void resumed(TicketResumed e) {
    Ticket t = s.tickets.get(e.ticket());
    WindowState w = s.windows.get(e.window());
    w.parked.remove(t.id);
    w.current = t;
    t.status = t.record != null ? TicketStatus.SERVING : TicketStatus.CALLED;
  }

  void redirected(TicketId id, MatterCode to) {
    Ticket t = s.tickets.get(id);
    dequeue(t);
    t.directedTo = null;
    changeMatter(t, to);
    enqueue(t);
  }

  void granted(GreenChannelGranted e) {
    Ticket t = s.tickets.get(e.ticket());
    dequeue(t);
    t.greenChannel = e.channel();
    enqueue(t);
    s.issuedByChannel.merge(e.channel(), 1, Integer::sum);
  }

  void cancelled(TicketCancelled e) {
    Ticket t = s.tickets.get(e.ticket());
    if (t.status == TicketStatus.WAITING) {
      dequeue(t);
    } else if (t.status == TicketStatus.PARKED) {
      s.windows.get(t.window).parked.remove(t.id);
    }
    t.status = TicketStatus.CANCELLED;
    forgetPerson(t);
  }

  void forgetPerson(Ticket t) {
    if (t.personKey() != null) {
      s.activeByPerson.remove(t.personKey(), t.id);
    }
  }

  /** A new matter keeps the green lane only where the channel covers it. */
  private void changeMatter(Ticket t, MatterCode to) {
    forgetPerson(t);
    t.matter = to;
    if (t.personKey() != null) {
      s.activeByPerson.put(t.personKey(), t.id);
    }
    if (t.greenChannel != null) {
      GreenChannel channel = s.config.greenChannels().get(t.greenChannel);
      if (channel == null || !channel.covers(to)) {
        t.greenChannel = null;
      }
    }
  }

  private void enqueue(Ticket t) {
    if (t.directedTo != null) {
      s.windows.get(t.directedTo).directed.add(t);
    } else {
      s.queue(t.matter).add(t);
    }
  }

  private void dequeue(Ticket t) {
    if (t.directedTo != null) {
      s.windows.get(t.directedTo).directed.remove(t);
      t.directedTo = null;
    } else {
      s.queue(t.matter).remove(t);
    }
  }

  /**
   * Offline tickets come only from today's blocks, and today's blocks never overlap; an earlier
   * day's block may hold the same number, so it must not be the one marked.
   */
  private void markOfflineNumberUsed(Ticket t) {
    for (NumberBlock b : s.blocks.values()) {
      if (b.day.equals(s.day)
          && b.device.equals(t.device)
          && b.matter.equals(t.matter)
          && t.number.startsWith(b.prefix)) {
        int n = Integer.parseInt(t.number.substring(b.prefix.length()));
        if (b.contains(n)) {
          b.used.set(n - b.from);
          return;
        }
      }
    }
  }
}
