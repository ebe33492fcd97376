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

  /** A command at one window: a clerk may give it only at the window they are signed in at. */
  sealed interface AtWindow extends HallCommand {
    WindowId window();
  }

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

  record CallNext(WindowId window) implements AtWindow {
  }

  record Recall(WindowId window) implements AtWindow {
  }

  record StartService(WindowId window) implements AtWindow {
  }

  record FinishService(WindowId window, Outcome outcome) implements AtWindow {
  }

  record MarkNoShow(WindowId window) implements AtWindow {
  }

  /** Send the window's current ticket to another matter or to a given window, keeping its arrival. */
  record Transfer(WindowId window, MatterCode toMatter, WindowId toWindow, String reason) implements AtWindow {
  }

  /** Set the current ticket aside (the citizen fetches a photo, a copy) and free the window. */
  record Park(WindowId window) implements AtWindow {
  }

  record ResumeParked(WindowId window, TicketId ticket) implements AtWindow {
  }

  /** A guide moves a waiting ticket to the matter the citizen really needs. */
  record Redirect(TicketId ticket, MatterCode toMatter, String reason, String guide) implements HallCommand {
  }

  record GrantGreenChannel(TicketId ticket, ChannelId channel, String guide, String reason) implements HallCommand {
  }

  record CancelTicket(TicketId ticket, String reason) implements HallCommand {
  }

  record PauseWindow(WindowId window, String reason) implements AtWindow {
  }

  record ResumeWindow(WindowId window) implements AtWindow {
  }

  record OpenWindow(WindowId window) implements AtWindow {
  }

  record CloseWindow(WindowId window, String reason) implements AtWindow {
  }

  /** A supervisor changes which matters a window serves, with weights. */
  record RemapWindow(WindowId window, Map<MatterCode, Integer> weights) implements AtWindow {
    public RemapWindow {
      weights = Map.copyOf(weights);
    }
  }

  record SignIn(WindowId window, Clerk clerk) implements AtWindow {
  }

  record SignOut(WindowId window) implements AtWindow {
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
