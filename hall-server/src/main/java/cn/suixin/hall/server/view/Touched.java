package cn.suixin.hall.server.view;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.HallState;
import cn.suixin.hall.engine.Ticket;
import cn.suixin.hall.engine.WindowState;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.util.Set;

/** Which matters and windows an event changed, so the feed sends only those entries. */
final class Touched {
  private Touched() {
  }

  static void collect(HallEvent e, HallState s, Set<MatterCode> matters, Set<WindowId> windows) {
    Ticket t = ticketOf(e, s);
    if (t != null) {
      matters.add(t.matter());
      if (t.window() != null) {
        windows.add(t.window());
      }
      if (t.directedTo() != null) {
        windows.add(t.directedTo());
      }
    }
    WindowId w = windowOf(e);
    if (w != null) {
      windows.add(w);
      if (!(e instanceof HallEvent.TicketCalled || e instanceof HallEvent.TicketRecalled)) {
        // opening, pausing or staffing a window changes the estimates of everything it serves
        WindowState ws = s.window(w);
        if (ws != null && isWindowChange(e)) {
          matters.addAll(ws.weights().keySet());
        }
      }
    }
    if (e instanceof HallEvent.TicketRedirected r) {
      matters.add(r.fromMatter());
    } else if (e instanceof HallEvent.NumberBlockReserved b) {
      matters.add(b.matter());
    }
  }

  private static boolean isWindowChange(HallEvent e) {
    return e instanceof HallEvent.WindowPaused || e instanceof HallEvent.WindowResumed
        || e instanceof HallEvent.WindowOpened || e instanceof HallEvent.WindowClosed
        || e instanceof HallEvent.WindowRemapped || e instanceof HallEvent.ClerkSignedIn
        || e instanceof HallEvent.ClerkSignedOut;
  }

  static Ticket ticketOf(HallEvent e, HallState s) {
    return e instanceof HallEvent.AboutTicket about ? s.ticket(about.ticket()) : null;
  }

  private static WindowId windowOf(HallEvent e) {
    if (e instanceof HallEvent.TicketCalled x) {
      return x.window();
    } else if (e instanceof HallEvent.TicketRecalled x) {
      return x.window();
    } else if (e instanceof HallEvent.ServiceStarted x) {
      return x.window();
    } else if (e instanceof HallEvent.ServiceFinished x) {
      return x.window();
    } else if (e instanceof HallEvent.TicketNoShow x) {
      return x.window();
    } else if (e instanceof HallEvent.TicketTransferred x) {
      return x.fromWindow();
    } else if (e instanceof HallEvent.TicketParked x) {
      return x.window();
    } else if (e instanceof HallEvent.TicketResumed x) {
      return x.window();
    } else if (e instanceof HallEvent.WindowPaused x) {
      return x.window();
    } else if (e instanceof HallEvent.WindowResumed x) {
      return x.window();
    } else if (e instanceof HallEvent.WindowOpened x) {
      return x.window();
    } else if (e instanceof HallEvent.WindowClosed x) {
      return x.window();
    } else if (e instanceof HallEvent.WindowRemapped x) {
      return x.window();
    } else if (e instanceof HallEvent.ClerkSignedIn x) {
      return x.window();
    } else if (e instanceof HallEvent.ClerkSignedOut x) {
      return x.window();
    }
    return null;
  }
}
