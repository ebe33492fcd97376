package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What someone asks of a hall. Decided against the hall's state into events or a rejection; fields
 * documented as optional are {@code null} when absent.
 */
public sealed interface HallCommand {

  /** Gives the command to the visitor's case for its kind. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One case per kind of command. Every dispatch over commands is a visitor, so a new command does
   * not compile until each of them says what to do with it (see HallCommandVisitorTest).
   */
  interface Visitor<R> {
    R issueTicket(IssueTicket c);

    R callNext(CallNext c);

    R recall(Recall c);

    R startService(StartService c);

    R finishService(FinishService c);

    R markNoShow(MarkNoShow c);

    R transfer(Transfer c);

    R park(Park c);

    R resumeParked(ResumeParked c);

    R redirect(Redirect c);

    R grantGreenChannel(GrantGreenChannel c);

    R cancelTicket(CancelTicket c);

    R pauseWindow(PauseWindow c);

    R resumeWindow(ResumeWindow c);

    R openWindow(OpenWindow c);

    R closeWindow(CloseWindow c);

    R remapWindow(RemapWindow c);

    R signIn(SignIn c);

    R signOut(SignOut c);

    R recordRating(RecordRating c);

    R reserveNumberBlock(ReserveNumberBlock c);

    R admitOfflineTickets(AdmitOfflineTickets c);

    R setNotice(SetNotice c);

    R tick(Tick c);
  }

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
  record IssueTicket(
      MatterCode matter,
      TicketSource source,
      int partySize,
      String personHash,
      ChannelId greenChannel,
      String proof,
      String grantedBy,
      Appointment appointment,
      DeviceId device)
      implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.issueTicket(this);
    }

    public static IssueTicket walkIn(MatterCode matter) {
      return new IssueTicket(matter, TicketSource.KIOSK, 1, null, null, null, null, null, null);
    }
  }

  record CallNext(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.callNext(this);
    }
  }

  record Recall(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.recall(this);
    }
  }

  record StartService(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.startService(this);
    }
  }

  record FinishService(WindowId window, Outcome outcome) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.finishService(this);
    }
  }

  record MarkNoShow(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.markNoShow(this);
    }
  }

  /**
   * Send the window's current ticket to another matter or to a given window, keeping its arrival.
   */
  record Transfer(WindowId window, MatterCode toMatter, WindowId toWindow, String reason)
      implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.transfer(this);
    }
  }

  /** Set the current ticket aside (the citizen fetches a photo, a copy) and free the window. */
  record Park(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.park(this);
    }
  }

  record ResumeParked(WindowId window, TicketId ticket) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.resumeParked(this);
    }
  }

  /** A guide moves a waiting ticket to the matter the citizen really needs. */
  record Redirect(TicketId ticket, MatterCode toMatter, String reason, String guide)
      implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.redirect(this);
    }
  }

  record GrantGreenChannel(TicketId ticket, ChannelId channel, String guide, String reason)
      implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.grantGreenChannel(this);
    }
  }

  record CancelTicket(TicketId ticket, String reason) implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.cancelTicket(this);
    }
  }

  record PauseWindow(WindowId window, String reason) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.pauseWindow(this);
    }
  }

  record ResumeWindow(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.resumeWindow(this);
    }
  }

  record OpenWindow(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.openWindow(this);
    }
  }

  record CloseWindow(WindowId window, String reason) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.closeWindow(this);
    }
  }

  /** A supervisor changes which matters a window serves, with weights. */
  record RemapWindow(WindowId window, Map<MatterCode, Integer> weights) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.remapWindow(this);
    }

    public RemapWindow {
      weights = Map.copyOf(weights);
    }
  }

  record SignIn(WindowId window, Clerk clerk) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.signIn(this);
    }
  }

  record SignOut(WindowId window) implements AtWindow {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.signOut(this);
    }
  }

  /** 好差评: level 1 (非常不满意) .. 5 (非常满意); reasons are the pad's reason bits. */
  record RecordRating(ServiceRecordId record, int level, int reasons, String comment)
      implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.recordRating(this);
    }
  }

  /** Reserve numbers a kiosk may issue while it cannot reach the server. */
  record ReserveNumberBlock(DeviceId device, MatterCode matter, int size) implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.reserveNumberBlock(this);
    }
  }

  /** Tickets a kiosk issued offline from its block, handed over in issue order. */
  record AdmitOfflineTickets(DeviceId device, long blockId, List<OfflineTicket> tickets)
      implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.admitOfflineTickets(this);
    }

    public AdmitOfflineTickets {
      tickets = List.copyOf(tickets);
    }
  }

  /** One offline ticket: its number within the block and when it was printed. */
  record OfflineTicket(int number, Instant issuedAt) {}

  record SetNotice(String text) implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.setNotice(this);
    }
  }

  /** Lets time pass: starts a new business day when the date has turned. */
  record Tick() implements HallCommand {
    @Override
    public <R> R accept(Visitor<R> v) {
      return v.tick(this);
    }
  }
}
