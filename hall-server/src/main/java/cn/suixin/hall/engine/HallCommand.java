package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What someone asks of a hall. Decided against the hall's state into events or a rejection;
 * fields documented as optional are {@code null} when absent.
 */
public sealed interface HallCommand {

  /**
   * Take a ticket.
   *
   * @param personHash salted hash of the ID number, optional; used for one waiting ticket a person
   * @param greenChannel optional; needs {@code proof} or {@code grantedBy}
   * @param grantedBy staff number of the guide who grants the green channel, optional
   * @param appointment the booked slot, required for source APPOINTMENT
   * @param device the kiosk or agent that issued it, optional
   */
  record IssueTicket(MatterCode matter, TicketSource source, int partySize, String personHash,
      ChannelId greenChannel, String proof, String grantedBy, Appointment appointment, DeviceId device)
      implements HallCommand {
    public static IssueTicket walkIn(MatterCode matter) {
      return new IssueTicket(matter, TicketSource.KIOSK, 1, null, null, null, null, null, null);
    }
  }

  record CallNext(WindowId window) implements HallCommand {
  }

  record Recall(WindowId window) implements HallCommand {
  }

  record StartService(WindowId window) implements HallCommand {
  }

  record FinishService(WindowId window, Outcome outcome) implements HallCommand {
  }

  record MarkNoShow(WindowId window) implements HallCommand {
  }

  /** Send the window's current ticket to another matter or to a given window, keeping its arrival. */
  record Transfer(WindowId window, MatterCode toMatter, WindowId toWindow, String reason) implements HallCommand {
  }

  /** Set the current ticket aside (the citizen fetches a photo, a copy) and free the window. */
  record Park(WindowId window) implements HallCommand {
  }

  record ResumeParked(WindowId window, TicketId ticket) implements HallCommand {
  }

  /** A guide moves a waiting ticket to the matter the citizen really needs. */
  record Redirect(TicketId ticket, MatterCode toMatter, String reason, String guide) implements HallCommand {
  }

  record GrantGreenChannel(TicketId ticket, ChannelId channel, String guide, String reason) implements HallCommand {
  }

  record CancelTicket(TicketId ticket, String reason) implements HallCommand {
  }

  record PauseWindow(WindowId window, String reason) implements HallCommand {
  }

  record ResumeWindow(WindowId window) implements HallCommand {
  }

  record OpenWindow(WindowId window) implements HallCommand {
  }

  record CloseWindow(WindowId window, String reason) implements HallCommand {
  }

  /** A supervisor changes which matters a window serves, with weights. */
  record RemapWindow(WindowId window, Map<MatterCode, Integer> weights) implements HallCommand {
    public RemapWindow {
      weights = Map.copyOf(weights);
    }
  }

  record SignIn(WindowId window, Clerk clerk) implements HallCommand {
  }

  record SignOut(WindowId window) implements HallCommand {
  }

  /** 好差评: level 1 (非常不满意) .. 5 (非常满意); reasons are the pad's reason bits. */
  record RecordRating(ServiceRecordId record, int level, int reasons, String comment) implements HallCommand {
  }

  /** Reserve numbers a kiosk may issue while it cannot reach the server. */
  record ReserveNumberBlock(DeviceId device, MatterCode matter, int size) implements HallCommand {
  }

  /** Tickets a kiosk issued offline from its block, handed over in issue order. */
  record AdmitOfflineTickets(DeviceId device, long blockId, List<OfflineTicket> tickets) implements HallCommand {
    public AdmitOfflineTickets {
      tickets = List.copyOf(tickets);
    }
  }

  /** One offline ticket: its number within the block and when it was printed. */
  record OfflineTicket(int number, Instant issuedAt) {
  }

  record SetNotice(String text) implements HallCommand {
  }

  /** Lets time pass: starts a new business day when the date has turned. */
  record Tick() implements HallCommand {
  }
}
