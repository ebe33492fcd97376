package cn.suixin.hall.engine;

import java.util.List;

/**
 * What executing a command did: the events recorded (a new business day may be among them even when
 * the command itself was refused), each with what it changed, and the rejection, if any.
 */
public record CommandResult(List<Applied> applied, Decision.Rejected rejection) {
  public CommandResult {
    applied = List.copyOf(applied);
  }

  /** The recorded events, in sequence. */
  public List<SequencedEvent> events() {
    return applied.stream().map(Applied::event).toList();
  }

  public boolean accepted() {
    return rejection == null;
  }
}
