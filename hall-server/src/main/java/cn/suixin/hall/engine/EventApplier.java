package cn.suixin.hall.engine;

import cn.suixin.hall.engine.HallEvent.BusinessDayStarted;
import cn.suixin.hall.engine.HallEvent.ClerkSignedIn;
import cn.suixin.hall.engine.HallEvent.ClerkSignedOut;
import cn.suixin.hall.engine.HallEvent.EventLost;
import cn.suixin.hall.engine.HallEvent.GreenChannelGranted;
import cn.suixin.hall.engine.HallEvent.NoticeChanged;
import cn.suixin.hall.engine.HallEvent.NumberBlockReserved;
import cn.suixin.hall.engine.HallEvent.RatingRecorded;
import cn.suixin.hall.engine.HallEvent.ServiceFinished;
import cn.suixin.hall.engine.HallEvent.ServiceStarted;
import cn.suixin.hall.engine.HallEvent.TicketCalled;
import cn.suixin.hall.engine.HallEvent.TicketCancelled;
import cn.suixin.hall.engine.HallEvent.TicketIssued;
import cn.suixin.hall.engine.HallEvent.TicketNoShow;
import cn.suixin.hall.engine.HallEvent.TicketParked;
import cn.suixin.hall.engine.HallEvent.TicketRecalled;
import cn.suixin.hall.engine.HallEvent.TicketRedirected;
import cn.suixin.hall.engine.HallEvent.TicketResumed;
import cn.suixin.hall.engine.HallEvent.TicketTransferred;
import cn.suixin.hall.engine.HallEvent.WindowClosed;
import cn.suixin.hall.engine.HallEvent.WindowOpened;
import cn.suixin.hall.engine.HallEvent.WindowPaused;
import cn.suixin.hall.engine.HallEvent.WindowRemapped;
import cn.suixin.hall.engine.HallEvent.WindowResumed;
import cn.suixin.hall.engine.config.MatterCode;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;

/** The only code that changes a {@link HallState}: one event at a time, in sequence. */
final class EventApplier {
  private final HallState s;
  private final TicketMoves moves;

  EventApplier(HallState state) {
    this.s = state;
    this.moves = new TicketMoves(state);
  }

  void apply(SequencedEvent se) {
    if (se.seq() != s.seq + 1) {
      throw new IllegalStateException("event " + se.seq() + " does not follow " + s.seq);
    }
    HallEvent e = se.event();
    Instant at = se.at();
    if (e instanceof EventLost) {
      lost();
    } else if (s.lostEvents > 0 && orphaned(e)) {
      // the ticket or service it is about came in the lost event: there is nothing to act on
      s.eventsSkippedAfterLoss++;
    } else {
      applyToTicket(e, at);
    }
    s.seq = se.seq();
    s.lastAt = at;
  }

  /**
   * Counted, and each prefix's numbering moves on by one: the lost event may have issued a number a
   * citizen now holds, and a skipped number harms no one while a number given twice does.
   */
  private void lost() {
    s.lostEvents++;
    s.config.matters().values().stream().map(m -> m.prefix()).distinct()
        .forEach(prefix -> s.lastNumberByPrefix.merge(prefix, 1, Integer::sum));
  }

  private boolean orphaned(HallEvent e) {
    if (e instanceof HallEvent.AboutTicket about && !(e instanceof TicketIssued)
        && !s.tickets.containsKey(about.ticket())) {
      return true;
    }
    return e instanceof ServiceFinished x && !s.records.containsKey(x.record().value());
  }

  private void applyToTicket(HallEvent e, Instant at) {
    if (e instanceof TicketIssued x) {
      moves.issued(x);
    } else if (e instanceof TicketCalled x) {
      moves.called(x, at);
    } else if (e instanceof TicketRecalled x) {
      ticket(x.ticket()).recalls = x.recalls();
      ticket(x.ticket()).calledAt = at;
    } else if (e instanceof ServiceStarted x) {
      started(x, at);
    } else if (e instanceof ServiceFinished x) {
      finished(x, at);
    } else if (e instanceof TicketNoShow x) {
      moves.noShow(x);
    } else if (e instanceof TicketTransferred x) {
      moves.transferred(x, at);
    } else if (e instanceof TicketParked x) {
      moves.parked(x);
    } else if (e instanceof TicketResumed x) {
      moves.resumed(x);
    } else if (e instanceof TicketRedirected x) {
      moves.redirected(x.ticket(), x.toMatter());
    } else if (e instanceof GreenChannelGranted x) {
      moves.granted(x);
    } else if (e instanceof TicketCancelled x) {
      moves.cancelled(x);
    } else {
      applyToWindowOrHall(e);
    }
  }

  private void applyToWindowOrHall(HallEvent e) {
    if (e instanceof WindowPaused x) {
      s.windows.get(x.window()).pausedReason = x.reason();
    } else if (e instanceof WindowResumed x) {
      s.windows.get(x.window()).pausedReason = null;
    } else if (e instanceof WindowOpened x) {
      s.windows.get(x.window()).open = true;
    } else if (e instanceof WindowClosed x) {
      s.windows.get(x.window()).open = false;
    } else if (e instanceof WindowRemapped x) {
      WindowState w = s.windows.get(x.window());
      w.weights.clear();
      w.weights.putAll(new TreeMap<>(x.weights()));
    } else if (e instanceof ClerkSignedIn x) {
      s.windows.get(x.window()).clerk = x.clerk();
      s.windowByClerk.put(x.clerk().staffNo(), x.window());
    } else if (e instanceof ClerkSignedOut x) {
      s.windows.get(x.window()).clerk = null;
      s.windowByClerk.remove(x.clerk().staffNo());
    } else if (e instanceof RatingRecorded x) {
      ServiceRecord r = s.records.get(x.record().value());
      // journals written before old history left memory may rate a record that has left it since
      if (r != null) {
        r.rating = x.level();
        r.followUp = x.followUp();
      }
    } else if (e instanceof NumberBlockReserved x) {
      s.blocks.put(x.blockId(), new NumberBlock(x.blockId(), x.device(), x.matter(), x.prefix(), x.from(), x.to(),
          s.day));
      s.lastNumberByPrefix.put(x.prefix(), x.to());
      s.nextBlock = x.blockId() + 1;
    } else if (e instanceof NoticeChanged x) {
      s.notice = x.text();
    } else if (e instanceof BusinessDayStarted x) {
      new DayTurn(s).start(x.day());
    } else {
      throw new IllegalArgumentException("unknown event " + e);
    }
  }

  private void started(ServiceStarted x, Instant at) {
    Ticket t = ticket(x.ticket());
    t.status = TicketStatus.SERVING;
    t.record = x.record();
    s.records.put(x.record().value(), new ServiceRecord(x.record(), t.id, t.matter, x.window(), x.clerk(), at));
    s.nextRecord = x.record().value() + 1;
  }

  private void finished(ServiceFinished x, Instant at) {
    Ticket t = ticket(x.ticket());
    ServiceRecord r = s.records.get(x.record().value());
    r.finishedAt = at;
    r.outcome = x.outcome();
    s.finishedToday.add(r);
    learnServiceTime(r.matter, Duration.between(r.startedAt, at).toMillis());
    t.status = TicketStatus.FINISHED;
    s.windows.get(x.window()).current = null;
    moves.forgetPerson(t);
  }

  /** A moving average (weight 1/5) so the estimate follows today's pace, in whole millis for exact replay. */
  private void learnServiceTime(MatterCode matter, long sample) {
    long old = s.serviceMillis.getOrDefault(matter, sample);
    s.serviceMillis.put(matter, (old * 4 + Math.max(0, sample)) / 5);
  }

  private Ticket ticket(TicketId id) {
    return s.tickets.get(id);
  }
}
