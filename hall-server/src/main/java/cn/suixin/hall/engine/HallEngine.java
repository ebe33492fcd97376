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
import cn.suixin.hall.engine.config.HallConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One hall's queue engine: pure, single-threaded, fed in sequence by its owner. Time comes in
 * with every command; state changes only by applying events, so replaying them rebuilds it.
 */
public final class HallEngine {
  private final HallState state;
  private final EventApplier applier;
  private final TicketDesk tickets;
  private final OfflineDesk offline;
  private final Counter counter;
  private final WindowDesk windows;
  private final RatingDesk ratings;
  private final OwnWindowRule ownWindow;

  public HallEngine(HallConfig config) {
    this(new HallState(config));
  }

  private HallEngine(HallState state) {
    this.state = state;
    this.applier = new EventApplier(state);
    this.tickets = new TicketDesk(state);
    this.offline = new OfflineDesk(state, tickets);
    this.counter = new Counter(state);
    this.windows = new WindowDesk(state);
    this.ratings = new RatingDesk(state);
    this.ownWindow = new OwnWindowRule(state);
  }

  /** Rebuilds a hall from its recorded events. */
  public static HallEngine replay(HallConfig config, Iterable<SequencedEvent> events) {
    HallEngine engine = new HallEngine(config);
    events.forEach(engine::apply);
    return engine;
  }

  /**
   * Rebuilds a hall from an image written by {@link #writeImage}, so that only the journal's tail
   * after {@code state().seq()} needs replaying.
   *
   * @throws IllegalArgumentException if the image is not one this version wrote or names matters,
   *     windows or channels the configuration no longer has; replay the whole journal instead
   */
  public static HallEngine restore(HallConfig config, StateImage.In image) {
    return new HallEngine(StateImage.read(config, image));
  }

  /** Writes the whole state, for {@link #restore}. */
  public void writeImage(StateImage.Out image) {
    StateImage.write(state, image);
  }

  public HallState state() {
    return state;
  }

  public void apply(SequencedEvent event) {
    applier.apply(event);
  }

  /**
   * Decides a command and applies what it yields. Starts a new business day first when the
   * hall's local date has turned. Event times never go backwards, even if the caller's clock does.
   */
  public CommandResult execute(HallCommand command, Instant now) {
    return execute(command, Asker.ANYONE, now);
  }

  /** As {@link #execute(HallCommand, Instant)}, for a command whose asker a rule may refuse. */
  public CommandResult execute(HallCommand command, Asker asker, Instant now) {
    Instant at = state.lastAt != null && now.isBefore(state.lastAt) ? state.lastAt : now;
    List<SequencedEvent> recorded = new ArrayList<>(2);
    LocalDate today = LocalDate.ofInstant(at, state.config.zone());
    if (state.day == null || today.isAfter(state.day)) {
      recorded.add(record(new HallEvent.BusinessDayStarted(today), at));
    }
    Decision decision = decide(command, asker, at);
    if (decision instanceof Decision.Rejected rejected) {
      return new CommandResult(recorded, rejected);
    }
    for (HallEvent e : ((Decision.Accepted) decision).events()) {
      recorded.add(record(e, at));
    }
    return new CommandResult(recorded, null);
  }

  private SequencedEvent record(HallEvent e, Instant at) {
    SequencedEvent se = new SequencedEvent(state.seq + 1, at, e);
    applier.apply(se);
    return se;
  }

  /** Decides against the current state without changing it. */
  public Decision decide(HallCommand c, Instant now) {
    return decide(c, Asker.ANYONE, now);
  }

  /** Decides against the current state without changing it, refusing what this asker may not ask. */
  public Decision decide(HallCommand c, Asker asker, Instant now) {
    Decision.Rejected notAllowed = ownWindow.refusal(c, asker);
    if (notAllowed != null) {
      return notAllowed;
    }
    if (c instanceof IssueTicket x) {
      return tickets.issue(x, now);
    } else if (c instanceof CallNext x) {
      return counter.callNext(x.window(), now);
    } else if (c instanceof Recall x) {
      return counter.recall(x.window());
    } else if (c instanceof StartService x) {
      return counter.start(x.window());
    } else if (c instanceof FinishService x) {
      return counter.finish(x, now);
    } else if (c instanceof MarkNoShow x) {
      return counter.noShow(x.window());
    } else if (c instanceof Transfer x) {
      return counter.transfer(x);
    } else if (c instanceof Park x) {
      return counter.park(x.window());
    } else if (c instanceof ResumeParked x) {
      return counter.resumeParked(x);
    }
    return decideOther(c, now);
  }

  private Decision decideOther(HallCommand c, Instant now) {
    if (c instanceof Redirect x) {
      return tickets.redirect(x);
    } else if (c instanceof GrantGreenChannel x) {
      return tickets.grant(x);
    } else if (c instanceof CancelTicket x) {
      return tickets.cancel(x);
    } else if (c instanceof PauseWindow x) {
      return windows.pause(x);
    } else if (c instanceof ResumeWindow x) {
      return windows.resume(x.window());
    } else if (c instanceof OpenWindow x) {
      return windows.open(x.window());
    } else if (c instanceof CloseWindow x) {
      return windows.close(x);
    } else if (c instanceof RemapWindow x) {
      return windows.remap(x);
    } else if (c instanceof SignIn x) {
      return windows.signIn(x);
    } else if (c instanceof SignOut x) {
      return windows.signOut(x.window());
    } else if (c instanceof RecordRating x) {
      return ratings.rate(x, now);
    } else if (c instanceof ReserveNumberBlock x) {
      return offline.reserve(x);
    } else if (c instanceof AdmitOfflineTickets x) {
      return offline.admit(x, now);
    } else if (c instanceof SetNotice x) {
      return windows.notice(x.text());
    } else if (c instanceof Tick) {
      return new Decision.Accepted(List.of());
    }
    throw new IllegalArgumentException("unknown command " + c);
  }
}
