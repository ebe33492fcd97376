package cn.suixin.hall.engine;

import java.util.List;

/** The engine's answer to a command: events to record, or why not. */
public sealed interface Decision {

  record Accepted(List<HallEvent> events) implements Decision {
    public Accepted {
      events = List.copyOf(events);
    }
  }

  /**
   * @param detail extra facts for the person reading it, such as the next opening time
   */
  record Rejected(Rejection reason, String detail) implements Decision {
    public Rejected(Rejection reason) {
      this(reason, "");
    }
  }
}
