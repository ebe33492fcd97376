package cn.suixin.hall.engine;

/** Where a ticket is in its life. */
public enum TicketStatus {
  WAITING,
  CALLED,
  SERVING,
  PARKED,
  FINISHED,
  NO_SHOW,
  CANCELLED,
  /** Still waiting when its business day ended. */
  EXPIRED;

  public boolean active() {
    return this == WAITING || this == CALLED || this == SERVING || this == PARKED;
  }
}
