package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.HallConfig;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One hall's queue engine: pure, single-threaded, fed in sequence by its owner. Time comes in with
 * every command; state changes only by applying events, so replaying them rebuilds it.
 */
public final class HallEngine {
  private final HallState state;
  private final EventApplier applier;
  private final Desks desks;
  private final OwnWindowRule ownWindow;

  public HallEngine(HallConfig config) {
    this(new HallState(config));
  }

  private HallEngine(HallState state) {
    this.state = state;
    this.applier = new EventApplier(state);
    this.desks = new Desks(state);
    this.ownWindow = new OwnWindowRule(state);
  }

  /** Rebuilds a hall from its recorded events. */
  public static HallEngine replay(HallConfig config, Iterable<SequencedEvent> events) {
    HallEngine engine = new HallEngine(config);
    events.forEach(engine::apply);
    return engine;
  }

  /**
   * Rebuilds a hall from an image {@link HallState#export() exported} earlier, so that only the
   * journal's tail after {@code state().seq()} needs replaying.
   *
   * @throws IllegalArgumentException if the image is of another hall or names tickets it does not
   *     hold, or matters, windows or channels the configuration no longer has; replay the whole
   *     journal instead
   */
  public static HallEngine restore(HallConfig config, HallImage image) {
    return new HallEngine(HallImages.restore(config, image));
  }

  public HallState state() {
    return state;
  }

  /** Applies a recorded event, as on replay, and says what it changed. */
  public Applied apply(SequencedEvent event) {
    return applier.apply(event);
  }

  /**
   * Decides a command and applies what it yields. Starts a new business day first when the hall's
   * local date has turned. Event times never go backwards, even if the caller's clock does.
   */
  public CommandResult execute(HallCommand command, Instant now) {
    return execute(command, Asker.ANYONE, now);
  }

  /** As {@link #execute(HallCommand, Instant)}, for a command whose asker a rule may refuse. */
  public CommandResult execute(HallCommand command, Asker asker, Instant now) {
    Instant at = state.lastAt != null && now.isBefore(state.lastAt) ? state.lastAt : now;
    List<Applied> recorded = new ArrayList<>(2);
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

  private Applied record(HallEvent e, Instant at) {
    return applier.apply(new SequencedEvent(state.seq + 1, at, e));
  }

  /** Decides against the current state without changing it. */
  public Decision decide(HallCommand c, Instant now) {
    return decide(c, Asker.ANYONE, now);
  }

  /**
   * Decides against the current state without changing it, refusing what this asker may not ask.
   */
  public Decision decide(HallCommand c, Asker asker, Instant now) {
    Decision.Rejected notAllowed = ownWindow.refusal(c, asker);
    if (notAllowed != null) {
      return notAllowed;
    }
    return desks.decide(c, now);
  }
}
