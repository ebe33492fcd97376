package cn.suixin.hall.engine;

import java.util.List;

/**
 * What executing a command did: the events recorded (a new business day may be among them even
 * when the command itself was refused) and the rejection, if any.
 */
public record CommandResult(List<SequencedEvent> events, Decision.Rejected rejection) {
  public CommandResult {
    events = List.copyOf(events);
  }

  public boolean accepted() {
    return rejection == null;
  }
}
