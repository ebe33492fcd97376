package cn.suixin.hall.engine;

import cn.suixin.hall.engine.HallCommand.AdmitOfflineTickets;
import cn.suixin.hall.engine.HallCommand.CallNext;
import cn.suixin.hall.engine.HallCommand.CancelTicket;
import cn.suixin.hall.engine.HallCommand.CloseWindow;
import cn.suixin.hall.engine.HallCommand.FinishService;
import cn.suixin.hall.engine.HallCommand.GrantGreenChannel;
import cn.suixin.hall.engine.HallCommand.IssueTicket;
import cn.suixin.hall.engine.HallCommand.MarkNoShow;
import cn.suixin.hall.engine.HallCommand.OpenWindow;
import cn.suixin.hall.engine.HallCommand.Park;
import cn.suixin.hall.engine.HallCommand.PauseWindow;
import cn.suixin.hall.engine.HallCommand.Recall;
import cn.suixin.hall.engine.HallCommand.RecordRating;
import cn.suixin.hall.engine.HallCommand.Redirect;
import cn.suixin.hall.engine.HallCommand.RemapWindow;
import cn.suixin.hall.engine.HallCommand.ReserveNumberBlock;
import cn.suixin.hall.engine.HallCommand.ResumeParked;
import cn.suixin.hall.engine.HallCommand.ResumeWindow;
import cn.suixin.hall.engine.HallCommand.SetNotice;
import cn.suixin.hall.engine.HallCommand.SignIn;
import cn.suixin.hall.engine.HallCommand.SignOut;
import cn.suixin.hall.engine.HallCommand.StartService;
import cn.suixin.hall.engine.HallCommand.Tick;
import cn.suixin.hall.engine.HallCommand.Transfer;
import java.time.Instant;
import java.util.List;

/**
 * Hands each command to the desk of the hall that decides it: tickets, the counter, windows,
 * ratings, offline blocks. Used by one engine, one command at a time.
 */
final class Desks implements HallCommand.Visitor<Decision> {
  private final TicketDesk tickets;
  private final OfflineDesk offline;
  private final Counter counter;
  private final WindowDesk windows;
  private final RatingDesk ratings;

  /** The time of the command being decided. */
  private Instant now;

  Desks(HallState state) {
    this.tickets = new TicketDesk(state);
    this.offline = new OfflineDesk(state, tickets);
    this.counter = new Counter(state);
    this.windows = new WindowDesk(state);
    this.ratings = new RatingDesk(state);
  }

  Decision decide(HallCommand c, Instant at) {
    this.now = at;
    return c.accept(this);
  }

  @Override
  public Decision issueTicket(IssueTicket c) {
    return tickets.issue(c, now);
  }

  @Override
  public Decision callNext(CallNext c) {
    return counter.callNext(c.window(), now);
  }

  @Override
  public Decision recall(Recall c) {
    return counter.recall(c.window());
  }

  @Override
  public Decision startService(StartService c) {
    return counter.start(c.window());
  }

  @Override
  public Decision finishService(FinishService c) {
    return counter.finish(c, now);
  }

  @Override
  public Decision markNoShow(MarkNoShow c) {
    return counter.noShow(c.window());
  }

  @Override
  public Decision transfer(Transfer c) {
    return counter.transfer(c);
  }

  @Override
  public Decision park(Park c) {
    return counter.park(c.window());
  }

  @Override
  public Decision resumeParked(ResumeParked c) {
    return counter.resumeParked(c);
  }

  @Override
  public Decision redirect(Redirect c) {
    return tickets.redirect(c);
  }

  @Override
  public Decision grantGreenChannel(GrantGreenChannel c) {
    return tickets.grant(c);
  }

  @Override
  public Decision cancelTicket(CancelTicket c) {
    return tickets.cancel(c);
  }

  @Override
  public Decision pauseWindow(PauseWindow c) {
    return windows.pause(c);
  }

  @Override
  public Decision resumeWindow(ResumeWindow c) {
    return windows.resume(c.window());
  }

  @Override
  public Decision openWindow(OpenWindow c) {
    return windows.open(c.window());
  }

  @Override
  public Decision closeWindow(CloseWindow c) {
    return windows.close(c);
  }

  @Override
  public Decision remapWindow(RemapWindow c) {
    return windows.remap(c);
  }

  @Override
  public Decision signIn(SignIn c) {
    return windows.signIn(c);
  }

  @Override
  public Decision signOut(SignOut c) {
    return windows.signOut(c.window());
  }

  @Override
  public Decision recordRating(RecordRating c) {
    return ratings.rate(c, now);
  }

  @Override
  public Decision reserveNumberBlock(ReserveNumberBlock c) {
    return offline.reserve(c);
  }

  @Override
  public Decision admitOfflineTickets(AdmitOfflineTickets c) {
    return offline.admit(c, now);
  }

  @Override
  public Decision setNotice(SetNotice c) {
    return windows.notice(c.text());
  }

  /** Time passing is decided by the engine itself (a new business day), before any command. */
  @Override
  public Decision tick(Tick c) {
    return new Decision.Accepted(List.of());
  }
}
