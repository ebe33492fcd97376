package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.HallEvent;
import java.util.Map;

/** The wire names of hall events, shared by the journal and the live feed. */
public final class EventTypes {
  public static final String TICKET_ISSUED = "ticket.issued";
  public static final String TICKET_CALLED = "ticket.called";
  public static final String TICKET_RECALLED = "ticket.recalled";
  public static final String SERVICE_STARTED = "service.started";
  public static final String SERVICE_FINISHED = "service.finished";
  public static final String TICKET_NO_SHOW = "ticket.no-show";
  public static final String TICKET_TRANSFERRED = "ticket.transferred";
  public static final String TICKET_PARKED = "ticket.parked";
  public static final String TICKET_RESUMED = "ticket.resumed";
  public static final String TICKET_REDIRECTED = "ticket.redirected";
  public static final String GREEN_GRANTED = "green-channel.granted";
  public static final String TICKET_CANCELLED = "ticket.cancelled";
  public static final String WINDOW_PAUSED = "window.paused";
  public static final String WINDOW_RESUMED = "window.resumed";
  public static final String WINDOW_OPENED = "window.opened";
  public static final String WINDOW_CLOSED = "window.closed";
  public static final String WINDOW_REMAPPED = "window.remapped";
  public static final String CLERK_SIGNED_IN = "clerk.signed-in";
  public static final String CLERK_SIGNED_OUT = "clerk.signed-out";
  public static final String RATING_RECORDED = "rating.recorded";
  public static final String BLOCK_RESERVED = "block.reserved";
  public static final String NOTICE_CHANGED = "notice.changed";
  public static final String DAY_STARTED = "day.started";
  public static final String EVENT_LOST = "event.lost";

  private static final Map<Class<?>, String> BY_CLASS = Map.ofEntries(
      Map.entry(HallEvent.TicketIssued.class, TICKET_ISSUED),
      Map.entry(HallEvent.TicketCalled.class, TICKET_CALLED),
      Map.entry(HallEvent.TicketRecalled.class, TICKET_RECALLED),
      Map.entry(HallEvent.ServiceStarted.class, SERVICE_STARTED),
      Map.entry(HallEvent.ServiceFinished.class, SERVICE_FINISHED),
      Map.entry(HallEvent.TicketNoShow.class, TICKET_NO_SHOW),
      Map.entry(HallEvent.TicketTransferred.class, TICKET_TRANSFERRED),
      Map.entry(HallEvent.TicketParked.class, TICKET_PARKED),
      Map.entry(HallEvent.TicketResumed.class, TICKET_RESUMED),
      Map.entry(HallEvent.TicketRedirected.class, TICKET_REDIRECTED),
      Map.entry(HallEvent.GreenChannelGranted.class, GREEN_GRANTED),
      Map.entry(HallEvent.TicketCancelled.class, TICKET_CANCELLED),
      Map.entry(HallEvent.WindowPaused.class, WINDOW_PAUSED),
      Map.entry(HallEvent.WindowResumed.class, WINDOW_RESUMED),
      Map.entry(HallEvent.WindowOpened.class, WINDOW_OPENED),
      Map.entry(HallEvent.WindowClosed.class, WINDOW_CLOSED),
      Map.entry(HallEvent.WindowRemapped.class, WINDOW_REMAPPED),
      Map.entry(HallEvent.ClerkSignedIn.class, CLERK_SIGNED_IN),
      Map.entry(HallEvent.ClerkSignedOut.class, CLERK_SIGNED_OUT),
      Map.entry(HallEvent.RatingRecorded.class, RATING_RECORDED),
      Map.entry(HallEvent.NumberBlockReserved.class, BLOCK_RESERVED),
      Map.entry(HallEvent.NoticeChanged.class, NOTICE_CHANGED),
      Map.entry(HallEvent.BusinessDayStarted.class, DAY_STARTED),
      Map.entry(HallEvent.EventLost.class, EVENT_LOST));

  private EventTypes() {
  }

  public static String of(HallEvent e) {
    String type = BY_CLASS.get(e.getClass());
    if (type == null) {
      throw new IllegalArgumentException("no wire name for " + e.getClass());
    }
    return type;
  }
}
