package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/** What happened in a hall. Only events change a hall's state. */
public sealed interface HallEvent {

  /** Queues start empty; yesterday's waiting tickets expire; history stays. */
  record BusinessDayStarted(LocalDate day) implements HallEvent {
  }

  /**
   * @param serial hall-wide issue order, breaks ties between equal arrivals
   * @param arrival when the citizen arrived; kept through transfers and requeues
   */
  record TicketIssued(TicketId ticket, String number, MatterCode matter, TicketSource source, int partySize,
      String personHash, ChannelId greenChannel, String grantedBy, Appointment appointment, DeviceId device,
      long serial, Instant arrival) implements HallEvent {
  }

  record TicketCalled(TicketId ticket, WindowId window, PickRule rule) implements HallEvent {
  }

  record TicketRecalled(TicketId ticket, WindowId window, int recalls) implements HallEvent {
  }

  record ServiceStarted(TicketId ticket, WindowId window, ServiceRecordId record, Clerk clerk) implements HallEvent {
  }

  record ServiceFinished(TicketId ticket, WindowId window, ServiceRecordId record, Outcome outcome)
      implements HallEvent {
  }

  record TicketNoShow(TicketId ticket, WindowId window, boolean requeued) implements HallEvent {
  }

  record TicketTransferred(TicketId ticket, WindowId fromWindow, MatterCode toMatter, WindowId toWindow,
      String reason) implements HallEvent {
  }

  record TicketParked(TicketId ticket, WindowId window) implements HallEvent {
  }

  record TicketResumed(TicketId ticket, WindowId window) implements HallEvent {
  }

  record TicketRedirected(TicketId ticket, MatterCode fromMatter, MatterCode toMatter, String reason, String guide)
      implements HallEvent {
  }

  record GreenChannelGranted(TicketId ticket, ChannelId channel, String guide, String reason) implements HallEvent {
  }

  record TicketCancelled(TicketId ticket, String reason) implements HallEvent {
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
