package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;

/** One service (办件): the unit a rating is given to and the reports count. */
public final class ServiceRecord {
  final ServiceRecordId id;
  final TicketId ticket;
  final MatterCode matter;
  final WindowId window;
  final Clerk clerk;
  final Instant startedAt;
  Instant finishedAt;
  Outcome outcome;
  int rating;
  FollowUp followUp;

  ServiceRecord(
      ServiceRecordId id,
      TicketId ticket,
      MatterCode matter,
      WindowId window,
      Clerk clerk,
      Instant startedAt) {
    this.id = id;
    this.ticket = ticket;
    this.matter = matter;
    this.window = window;
    this.clerk = clerk;
    this.startedAt = startedAt;
  }

  public ServiceRecordId id() {
    return id;
  }

  public TicketId ticket() {
    return ticket;
  }

  public MatterCode matter() {
    return matter;
  }

  public WindowId window() {
    return window;
  }

  public Clerk clerk() {
    return clerk;
  }

  public Instant startedAt() {
    return startedAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }

  public Outcome outcome() {
    return outcome;
  }

  /** 0 while unrated. */
  public int rating() {
    return rating;
  }

  public FollowUp followUp() {
    return followUp;
  }

  @Override
  public String toString() {
    return id
        + ":"
        + ticket
        + "@"
        + window
        + "/"
        + clerk.staffNo()
        + " "
        + startedAt
        + ".."
        + finishedAt
        + " "
        + outcome
        + " r"
        + rating
        + " "
        + followUp;
  }
}
