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

/**
 * The only code that changes a {@link HallState}: one event at a time, in sequence. It says what
 * each event changed as it changes it (see {@link Applied}).
 */
final class EventApplier {
  private final HallState s;
  private final TicketMoves moves;

  EventApplier(HallState state) {
    this.s = state;
    this.moves = new TicketMoves(state);
  }

  Applied apply(SequencedEvent se) {
    if (se.seq() != s.seq + 1) {
      throw new IllegalStateException("event " + se.seq() + " does not follow " + s.seq);
    }
    HallEvent e = se.event();
    Touches touched = new Touches(s);
    if (s.lostEvents > 0 && orphaned(e)) {
      // the ticket or service it is about came in the lost event: there is nothing to act on
      s.eventsSkippedAfterLoss++;
    } else {
      e.accept(new Writer(se.at(), touched));
    }
    s.seq = se.seq();
    s.lastAt = se.at();
    return touched.of(se);
  }

  private boolean orphaned(HallEvent e) {
    if (e instanceof HallEvent.AboutTicket about
        && !(e instanceof TicketIssued)
        && !s.tickets.containsKey(about.ticket())) {
      return true;
    }
    return e instanceof ServiceFinished x && !s.records.containsKey(x.record().value());
  }

  /** Applies one event and notes, as it goes, what the event changed. */
  private final class Writer implements HallEvent.Visitor<Void> {
    private final Instant at;
    private final Touches touched;

    Writer(Instant at, Touches touched) {
      this.at = at;
      this.touched = touched;
    }

    @Override
    public Void visit(TicketIssued x) {
      moves.issued(x);
      touched.ticket(x.ticket());
      return null;
    }

    @Override
    public Void visit(TicketCalled x) {
      moves.called(x, at);
      touched.ticket(x.ticket()).window(x.window());
      return null;
    }

    @Override
    public Void visit(TicketRecalled x) {
      ticket(x.ticket()).recalls = x.recalls();
      ticket(x.ticket()).calledAt = at;
      touched.ticket(x.ticket()).window(x.window());
      return null;
    }

    @Override
    public Void visit(ServiceStarted x) {
      Ticket t = ticket(x.ticket());
      t.status = TicketStatus.SERVING;
      t.record = x.record();
      s.records.put(
          x.record().value(),
          new ServiceRecord(x.record(), t.id, t.matter, x.window(), x.clerk(), at));
      s.nextRecord = x.record().value() + 1;
      touched.ticket(x.ticket()).window(x.window()).record(x.record());
      return null;
    }

    @Override
    public Void visit(ServiceFinished x) {
      Ticket t = ticket(x.ticket());
      ServiceRecord r = s.records.get(x.record().value());
      r.finishedAt = at;
      r.outcome = x.outcome();
      s.finishedToday.add(r);
      learnServiceTime(r.matter, Duration.between(r.startedAt, at).toMillis());
      t.status = TicketStatus.FINISHED;
      s.windows.get(x.window()).current = null;
      moves.forgetPerson(t);
      touched.ticket(x.ticket()).window(x.window()).record(x.record());
      return null;
    }

    @Override
    public Void visit(TicketNoShow x) {
      moves.noShow(x);
      touched.ticket(x.ticket()).window(x.window());
      return null;
    }

    @Override
    public Void visit(TicketTransferred x) {
      // a transfer during service ends the ticket's service record
      touched.record(ticket(x.ticket()).record);
      moves.transferred(x, at);
      touched.ticket(x.ticket()).window(x.fromWindow());
      return null;
    }

    @Override
    public Void visit(TicketParked x) {
      moves.parked(x);
      touched.ticket(x.ticket()).window(x.window());
      return null;
    }

    @Override
    public Void visit(TicketResumed x) {
      moves.resumed(x);
      touched.ticket(x.ticket()).window(x.window());
      return null;
    }

    @Override
    public Void visit(TicketRedirected x) {
      moves.redirected(x.ticket(), x.toMatter());
      touched.ticket(x.ticket()).matter(x.fromMatter());
      return null;
    }

    @Override
    public Void visit(GreenChannelGranted x) {
      moves.granted(x);
      touched.ticket(x.ticket());
      return null;
    }

    @Override
    public Void visit(TicketCancelled x) {
      moves.cancelled(x);
      touched.ticket(x.ticket());
      return null;
    }

    @Override
    public Void visit(WindowPaused x) {
      window(x).pausedReason = x.reason();
      touched.staffingOf(x.window());
      return null;
    }

    @Override
    public Void visit(WindowResumed x) {
      window(x).pausedReason = null;
      touched.staffingOf(x.window());
      return null;
    }

    @Override
    public Void visit(WindowOpened x) {
      window(x).open = true;
      touched.staffingOf(x.window());
      return null;
    }

    @Override
    public Void visit(WindowClosed x) {
      window(x).open = false;
      touched.staffingOf(x.window());
      return null;
    }

    @Override
    public Void visit(WindowRemapped x) {
      WindowState w = window(x);
      w.weights.clear();
      w.weights.putAll(new TreeMap<>(x.weights()));
      touched.staffingOf(x.window());
      return null;
    }

    @Override
    public Void visit(ClerkSignedIn x) {
      window(x).clerk = x.clerk();
      s.windowByClerk.put(x.clerk().staffNo(), x.window());
      touched.staffingOf(x.window());
      return null;
    }

    @Override
    public Void visit(ClerkSignedOut x) {
      window(x).clerk = null;
      s.windowByClerk.remove(x.clerk().staffNo());
      touched.staffingOf(x.window());
      return null;
    }

    @Override
    public Void visit(RatingRecorded x) {
      ServiceRecord r = s.records.get(x.record().value());
      // journals written before old history left memory may rate a record that has left it since
      if (r != null) {
        r.rating = x.level();
        r.followUp = x.followUp();
        touched.record(x.record());
      }
      return null;
    }

    /**
     * Counted, and each prefix's numbering moves on by one: the lost event may have issued a number
     * a citizen now holds, and a skipped number harms no one while a number given twice does.
     */
    @Override
    public Void visit(EventLost x) {
      s.lostEvents++;
      s.config.matters().values().stream()
          .map(m -> m.prefix())
          .distinct()
          .forEach(prefix -> s.lastNumberByPrefix.merge(prefix, 1, Integer::sum));
      return null;
    }

    /** Every queue and window: the live feed follows it with a snapshot, so nothing is listed. */
    @Override
    public Void visit(BusinessDayStarted x) {
      new DayTurn(s).start(x.day());
      return null;
    }

    @Override
    public Void visit(NumberBlockReserved x) {
      s.blocks.put(
          x.blockId(),
          new NumberBlock(
              x.blockId(), x.device(), x.matter(), x.prefix(), x.from(), x.to(), s.day));
      s.lastNumberByPrefix.put(x.prefix(), x.to());
      s.nextBlock = x.blockId() + 1;
      touched.matter(x.matter());
      return null;
    }

    @Override
    public Void visit(NoticeChanged x) {
      s.notice = x.text();
      return null;
    }

    /**
     * A moving average (weight 1/5) so the estimate follows today's pace, in whole millis for exact
     * replay.
     */
    private void learnServiceTime(MatterCode matter, long sample) {
      long old = s.serviceMillis.getOrDefault(matter, sample);
      s.serviceMillis.put(matter, (old * 4 + Math.max(0, sample)) / 5);
    }

    private Ticket ticket(TicketId id) {
      return s.tickets.get(id);
    }

    private WindowState window(HallEvent.AboutWindow x) {
      return s.windows.get(x.window());
    }
  }
}
