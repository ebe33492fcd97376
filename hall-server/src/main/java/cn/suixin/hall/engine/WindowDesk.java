package cn.suixin.hall.engine;

import static cn.suixin.hall.engine.Decisions.accept;
import static cn.suixin.hall.engine.Decisions.blank;
import static cn.suixin.hall.engine.Decisions.reject;

import cn.suixin.hall.engine.HallCommand.CloseWindow;
import cn.suixin.hall.engine.HallCommand.PauseWindow;
import cn.suixin.hall.engine.HallCommand.RemapWindow;
import cn.suixin.hall.engine.HallCommand.SignIn;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decides what changes a window itself: staffing, pausing, opening, its matters. */
final class WindowDesk {
  private final HallState s;

  WindowDesk(HallState state) {
    this.s = state;
  }

  Decision signIn(SignIn c) {
    WindowState w = s.windows.get(c.window());
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(c.window()));
    }
    if (w.clerk != null) {
      return w.clerk.staffNo().equals(c.clerk().staffNo())
          ? accept()
          : reject(Rejection.WINDOW_HAS_CLERK);
    }
    List<HallEvent> events = new ArrayList<>();
    WindowId elsewhere = s.windowByClerk.get(c.clerk().staffNo());
    if (elsewhere != null) {
      WindowState other = s.windows.get(elsewhere);
      if (other.current != null) {
        return reject(
            Rejection.WINDOW_BUSY, "window " + elsewhere + " still serves " + other.current.number);
      }
      events.add(new HallEvent.ClerkSignedOut(elsewhere, other.clerk));
    }
    events.add(new HallEvent.ClerkSignedIn(c.window(), c.clerk()));
    return new Decision.Accepted(events);
  }

  Decision signOut(WindowId id) {
    WindowState w = s.windows.get(id);
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(id));
    }
    if (w.clerk == null) {
      return reject(Rejection.NOT_SIGNED_IN);
    }
    if (w.current != null) {
      return reject(Rejection.WINDOW_BUSY, w.current.number);
    }
    return accept(new HallEvent.ClerkSignedOut(id, w.clerk));
  }

  Decision pause(PauseWindow c) {
    WindowState w = s.windows.get(c.window());
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(c.window()));
    }
    if (w.pausedReason != null) {
      return reject(Rejection.WINDOW_ALREADY_PAUSED);
    }
    return blank(c.reason())
        ? reject(Rejection.REASON_REQUIRED)
        : accept(new HallEvent.WindowPaused(c.window(), c.reason()));
  }

  Decision resume(WindowId id) {
    WindowState w = s.windows.get(id);
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(id));
    }
    return w.pausedReason == null
        ? reject(Rejection.WINDOW_NOT_PAUSED)
        : accept(new HallEvent.WindowResumed(id));
  }

  Decision open(WindowId id) {
    WindowState w = s.windows.get(id);
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(id));
    }
    return w.open ? reject(Rejection.WINDOW_ALREADY_OPEN) : accept(new HallEvent.WindowOpened(id));
  }

  Decision close(CloseWindow c) {
    WindowState w = s.windows.get(c.window());
    if (w == null) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(c.window()));
    }
    if (!w.open) {
      return reject(Rejection.WINDOW_ALREADY_CLOSED);
    }
    if (w.current != null) {
      return reject(Rejection.WINDOW_BUSY, w.current.number);
    }
    return accept(new HallEvent.WindowClosed(c.window(), c.reason() == null ? "" : c.reason()));
  }

  Decision remap(RemapWindow c) {
    if (!s.windows.containsKey(c.window())) {
      return reject(Rejection.UNKNOWN_WINDOW, String.valueOf(c.window()));
    }
    if (c.weights().isEmpty()) {
      return reject(Rejection.INVALID_WEIGHT);
    }
    for (Map.Entry<MatterCode, Integer> e : c.weights().entrySet()) {
      if (!s.config.matters().containsKey(e.getKey())) {
        return reject(Rejection.UNKNOWN_MATTER, String.valueOf(e.getKey()));
      }
      if (e.getValue() == null || e.getValue() < 1 || e.getValue() > 10) {
        return reject(Rejection.INVALID_WEIGHT, e.getKey() + "=" + e.getValue());
      }
    }
    return accept(new HallEvent.WindowRemapped(c.window(), c.weights()));
  }

  Decision notice(String text) {
    if (text != null && text.length() > 200) {
      return reject(Rejection.NOTICE_TOO_LONG);
    }
    return accept(new HallEvent.NoticeChanged(text == null ? "" : text.strip()));
  }
}
