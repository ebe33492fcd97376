package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** What happened in a hall. Only events change a hall's state. */
public sealed interface HallEvent {

  /** An event about one ticket. */
  sealed interface AboutTicket extends HallEvent {
    TicketId ticket();
  }

  /**
   * An event the journal lost to damage (bad media, a bad copy), put in its place by an operator's
   * {@code journal repair} so the seqs stay whole. What it was is unknown, so it is applied as
   * nothing, only counted, but for numbering: each prefix moves on by one in case it issued a number.
   * Later events about a ticket or service only it could have created are then skipped and counted.
   *
   * @param reason what the repair found and when, for whoever reads the journal later
   */
  record EventLost(String reason) implements HallEvent {
  }

  /** Queues start empty; yesterday's waiting tickets expire; history stays. */
  record BusinessDayStarted(LocalDate day) implements HallEvent {
  }

  /**
   * @param serial hall-wide issue order, breaks ties between equal arrivals
   * @param arrival when the citizen arrived; kept through transfers and requeues
   */
  record TicketIssued(TicketId ticket, String number, MatterCode matter, TicketSource source, int partySize,
      String personHash, ChannelId greenChannel, String grantedBy, Appointment appointment, DeviceId device,
      long serial, Instant arrival) implements AboutTicket {
  }

  record TicketCalled(TicketId ticket, WindowId window, PickRule rule) implements AboutTicket {
  }

  record TicketRecalled(TicketId ticket, WindowId window, int recalls) implements AboutTicket {
  }

  record ServiceStarted(TicketId ticket, WindowId window, ServiceRecordId record, Clerk clerk) implements AboutTicket {
  }

  record ServiceFinished(TicketId ticket, WindowId window, ServiceRecordId record, Outcome outcome)
      implements AboutTicket {
  }

  record TicketNoShow(TicketId ticket, WindowId window, boolean requeued) implements AboutTicket {
  }

  record TicketTransferred(TicketId ticket, WindowId fromWindow, MatterCode toMatter, WindowId toWindow,
      String reason) implements AboutTicket {
  }

  record TicketParked(TicketId ticket, WindowId window) implements AboutTicket {
  }

  record TicketResumed(TicketId ticket, WindowId window) implements AboutTicket {
  }

  record TicketRedirected(TicketId ticket, MatterCode fromMatter, MatterCode toMatter, String reason, String guide)
      implements AboutTicket {
  }

  record GreenChannelGranted(TicketId ticket, ChannelId channel, String guide, String reason) implements AboutTicket {
  }

  record TicketCancelled(TicketId ticket, String reason) implements AboutTicket {
  }

  record WindowPaused(WindowId window, String reason) implements HallEvent {
  }

  record WindowResumed(WindowId window) implements HallEvent {
  }

  record WindowOpened(WindowId window) implements HallEvent {
  }

  record WindowClosed(WindowId window, String reason) implements HallEvent {
  }

  record WindowRemapped(WindowId window, Map<MatterCode, Integer> weights) implements HallEvent {
    public WindowRemapped {
      weights = Map.copyOf(weights);
    }
  }

  record ClerkSignedIn(WindowId window, Clerk clerk) implements HallEvent {
  }

  record ClerkSignedOut(WindowId window, Clerk clerk) implements HallEvent {
  }

  /**
   * @param followUp for a bad review (不满意, 非常不满意): callback and rectification deadlines
   */
  record RatingRecorded(ServiceRecordId record, int level, int reasons, String comment, FollowUp followUp)
      implements HallEvent {
  }

  record NumberBlockReserved(long blockId, DeviceId device, MatterCode matter, String prefix, int from, int to)
      implements HallEvent {
  }

  record NoticeChanged(String text) implements HallEvent {
  }
}
