package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * What happened in a hall. Only events change a hall's state.
 *
 * <p>Events are grouped by what they are about (a ticket, a window, a service record, the hall);
 * every event is in exactly one group. Code that acts on events dispatches with a {@link Visitor},
 * so a new event does not compile until each of them has an answer for it.
 */
public sealed interface HallEvent {

  /** Calls the visitor's method for this event. */
  <R> R accept(Visitor<R> v);

  /** An event about one ticket, and through it its matter's queue and the window holding it. */
  sealed interface AboutTicket extends HallEvent {
    TicketId ticket();
  }

  /** An event about one window: its state, its skills or its clerk. */
  sealed interface AboutWindow extends HallEvent {
    WindowId window();
  }

  /** An event about a service record (办件) after its service, such as its rating. */
  sealed interface AboutRecord extends HallEvent {
    ServiceRecordId record();
  }

  /** An event about the hall as a whole: its day, its notice, its numbering. */
  sealed interface AboutHall extends HallEvent {}

  /** One method per event. */
  interface Visitor<R> {
    R visit(TicketIssued e);

    R visit(TicketCalled e);

    R visit(TicketRecalled e);

    R visit(ServiceStarted e);

    R visit(ServiceFinished e);

    R visit(TicketNoShow e);

    R visit(TicketTransferred e);

    R visit(TicketParked e);

    R visit(TicketResumed e);

    R visit(TicketRedirected e);

    R visit(GreenChannelGranted e);

    R visit(TicketCancelled e);

    R visit(WindowPaused e);

    R visit(WindowResumed e);

    R visit(WindowOpened e);

    R visit(WindowClosed e);

    R visit(WindowRemapped e);

    R visit(ClerkSignedIn e);

    R visit(ClerkSignedOut e);

    R visit(RatingRecorded e);

    R visit(EventLost e);

    R visit(BusinessDayStarted e);

    R visit(NumberBlockReserved e);

    R visit(NoticeChanged e);
  }

  /**
   * A visitor for code that cares about a few events: those it does not answer go to the method of
   * their group, and by default on to {@link #otherwise}. A new event must get its default here, in
   * its group, before anything compiles.
   */
  interface ByGroup<R> extends Visitor<R> {
    R otherwise(HallEvent e);

    default R ticket(AboutTicket e) {
      return otherwise(e);
    }

    default R window(AboutWindow e) {
      return otherwise(e);
    }

    default R record(AboutRecord e) {
      return otherwise(e);
    }

    default R hall(AboutHall e) {
      return otherwise(e);
    }

    @Override
    default R visit(TicketIssued e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketCalled e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketRecalled e) {
      return ticket(e);
    }

    @Override
    default R visit(ServiceStarted e) {
      return ticket(e);
    }

    @Override
    default R visit(ServiceFinished e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketNoShow e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketTransferred e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketParked e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketResumed e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketRedirected e) {
      return ticket(e);
    }

    @Override
    default R visit(GreenChannelGranted e) {
      return ticket(e);
    }

    @Override
    default R visit(TicketCancelled e) {
      return ticket(e);
    }

    @Override
    default R visit(WindowPaused e) {
      return window(e);
    }

    @Override
    default R visit(WindowResumed e) {
      return window(e);
    }

    @Override
    default R visit(WindowOpened e) {
      return window(e);
    }

    @Override
    default R visit(WindowClosed e) {
      return window(e);
    }

    @Override
    default R visit(WindowRemapped e) {
      return window(e);
    }

    @Override
    default R visit(ClerkSignedIn e) {
      return window(e);
    }

    @Override
    default R visit(ClerkSignedOut e) {
      return window(e);
    }

    @Override
    default R visit(RatingRecorded e) {
      return record(e);
    }

    @Override
    default R visit(EventLost e) {
      return hall(e);
    }

    @Override
    default R visit(BusinessDayStarted e) {
      return hall(e);
    }

    @Override
    default R visit(NumberBlockReserved e) {
      return hall(e);
    }

    @Override
    default R visit(NoticeChanged e) {
      return hall(e);
    }
  }

  /**
   * An event the journal lost to damage (bad media, a bad copy), put in its place by an operator's
   * {@code journal repair} so the seqs stay whole. What it was is unknown, so it is applied as
   * nothing, only counted, but for numbering: each prefix moves on by one in case it issued a
   * number. Later events about a ticket or service only it could have created are then skipped and
   * counted.
   *
   * @param reason what the repair found and when, for whoever reads the journal later
   */
  record EventLost(String reason) implements AboutHall {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /** Queues start empty; yesterday's waiting tickets expire; history stays. */
  record BusinessDayStarted(LocalDate day) implements AboutHall {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * @param serial hall-wide issue order, breaks ties between equal arrivals
   * @param arrival when the citizen arrived; kept through transfers and requeues
   */
  record TicketIssued(
      TicketId ticket,
      String number,
      MatterCode matter,
      TicketSource source,
      int partySize,
      String personHash,
      ChannelId greenChannel,
      String grantedBy,
      Appointment appointment,
      DeviceId device,
      long serial,
      Instant arrival)
      implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketCalled(TicketId ticket, WindowId window, PickRule rule) implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketRecalled(TicketId ticket, WindowId window, int recalls) implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record ServiceStarted(TicketId ticket, WindowId window, ServiceRecordId record, Clerk clerk)
      implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record ServiceFinished(TicketId ticket, WindowId window, ServiceRecordId record, Outcome outcome)
      implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketNoShow(TicketId ticket, WindowId window, boolean requeued) implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketTransferred(
      TicketId ticket, WindowId fromWindow, MatterCode toMatter, WindowId toWindow, String reason)
      implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketParked(TicketId ticket, WindowId window) implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketResumed(TicketId ticket, WindowId window) implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketRedirected(
      TicketId ticket, MatterCode fromMatter, MatterCode toMatter, String reason, String guide)
      implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record GreenChannelGranted(TicketId ticket, ChannelId channel, String guide, String reason)
      implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record TicketCancelled(TicketId ticket, String reason) implements AboutTicket {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record WindowPaused(WindowId window, String reason) implements AboutWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record WindowResumed(WindowId window) implements AboutWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record WindowOpened(WindowId window) implements AboutWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record WindowClosed(WindowId window, String reason) implements AboutWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record WindowRemapped(WindowId window, Map<MatterCode, Integer> weights) implements AboutWindow {
    public WindowRemapped {
      weights = Map.copyOf(weights);
    }

    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record ClerkSignedIn(WindowId window, Clerk clerk) implements AboutWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record ClerkSignedOut(WindowId window, Clerk clerk) implements AboutWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  /**
   * @param followUp for a bad review (不满意, 非常不满意): callback and rectification deadlines
   */
  record RatingRecorded(
      ServiceRecordId record, int level, int reasons, String comment, FollowUp followUp)
      implements AboutRecord {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record NumberBlockReserved(
      long blockId, DeviceId device, MatterCode matter, String prefix, int from, int to)
      implements AboutHall {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }

  record NoticeChanged(String text) implements AboutHall {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.visit(this);
    }
  }
}
