package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.HallEvent;

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

  /** Names each event; a new event has no name until it is given one here. */
  private static final HallEvent.Visitor<String> NAMES =
      new HallEvent.Visitor<>() {
        @Override
        public String visit(HallEvent.TicketIssued e) {
          return TICKET_ISSUED;
        }

        @Override
        public String visit(HallEvent.TicketCalled e) {
          return TICKET_CALLED;
        }

        @Override
        public String visit(HallEvent.TicketRecalled e) {
          return TICKET_RECALLED;
        }

        @Override
        public String visit(HallEvent.ServiceStarted e) {
          return SERVICE_STARTED;
        }

        @Override
        public String visit(HallEvent.ServiceFinished e) {
          return SERVICE_FINISHED;
        }

        @Override
        public String visit(HallEvent.TicketNoShow e) {
          return TICKET_NO_SHOW;
        }

        @Override
        public String visit(HallEvent.TicketTransferred e) {
          return TICKET_TRANSFERRED;
        }

        @Override
        public String visit(HallEvent.TicketParked e) {
          return TICKET_PARKED;
        }

        @Override
        public String visit(HallEvent.TicketResumed e) {
          return TICKET_RESUMED;
        }

        @Override
        public String visit(HallEvent.TicketRedirected e) {
          return TICKET_REDIRECTED;
        }

        @Override
        public String visit(HallEvent.GreenChannelGranted e) {
          return GREEN_GRANTED;
        }

        @Override
        public String visit(HallEvent.TicketCancelled e) {
          return TICKET_CANCELLED;
        }

        @Override
        public String visit(HallEvent.WindowPaused e) {
          return WINDOW_PAUSED;
        }

        @Override
        public String visit(HallEvent.WindowResumed e) {
          return WINDOW_RESUMED;
        }

        @Override
        public String visit(HallEvent.WindowOpened e) {
          return WINDOW_OPENED;
        }

        @Override
        public String visit(HallEvent.WindowClosed e) {
          return WINDOW_CLOSED;
        }

        @Override
        public String visit(HallEvent.WindowRemapped e) {
          return WINDOW_REMAPPED;
        }

        @Override
        public String visit(HallEvent.ClerkSignedIn e) {
          return CLERK_SIGNED_IN;
        }

        @Override
        public String visit(HallEvent.ClerkSignedOut e) {
          return CLERK_SIGNED_OUT;
        }

        @Override
        public String visit(HallEvent.RatingRecorded e) {
          return RATING_RECORDED;
        }

        @Override
        public String visit(HallEvent.NumberBlockReserved e) {
          return BLOCK_RESERVED;
        }

        @Override
        public String visit(HallEvent.NoticeChanged e) {
          return NOTICE_CHANGED;
        }

        @Override
        public String visit(HallEvent.BusinessDayStarted e) {
          return DAY_STARTED;
        }

        @Override
        public String visit(HallEvent.EventLost e) {
          return EVENT_LOST;
        }
      };

  private EventTypes() {}

  public static String of(HallEvent e) {
    return e.accept(NAMES);
  }
}
