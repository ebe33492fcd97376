package cn.suixin.hall.server.view;

import cn.suixin.hall.engine.Applied;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.HallState;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.engine.Ticket;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.WindowState;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.codec.EventTypes;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Builds the live feed of docs/live-protocol.md: a snapshot, then one message per event with the
 * new entries of every matter and window it touched. Built by the hall's owner right after the
 * event is durable, so every node forwards the same bytes.
 */
public final class LiveMessages {
  // enough for the last call of every window in the largest hall (21 windows) and then some
  static final int RECENT_CALLS = 64;
  private final Deque<JsonObject> recentCalls = new ArrayDeque<>();

  /** Keeps the recent calls; called for every event, live or replayed. */
  public void track(SequencedEvent se, HallState s) {
    se.event()
        .accept(
            new HallEvent.ByGroup<Void>() {
              @Override
              public Void visit(HallEvent.BusinessDayStarted e) {
                recentCalls.clear();
                return null;
              }

              @Override
              public Void visit(HallEvent.TicketCalled c) {
                remember(se, s, c.ticket(), c.window(), false);
                return null;
              }

              @Override
              public Void visit(HallEvent.TicketRecalled c) {
                remember(se, s, c.ticket(), c.window(), true);
                return null;
              }

              @Override
              public Void otherwise(HallEvent e) {
                return null;
              }
            });
  }

  private void remember(
      SequencedEvent se, HallState s, TicketId ticket, WindowId window, boolean recall) {
    if (s.ticket(ticket) == null) {
      return; // a call of a ticket whose issue the journal lost: the engine skipped it too
    }
    recentCalls.addFirst(call(se, s, ticket, window, recall));
    while (recentCalls.size() > RECENT_CALLS) {
      recentCalls.removeLast();
    }
  }

  private static JsonObject call(
      SequencedEvent se, HallState s, TicketId ticket, WindowId window, boolean recall) {
    Ticket t = s.ticket(ticket);
    WindowState w = s.window(window);
    return new JsonObject()
        .put("seq", se.seq())
        .put("number", t.number())
        .put("matter", t.matter().value())
        .put("window", window.value())
        .put("windowName", w.config().name())
        .put("windowNameEn", w.config().nameEn())
        .put("at", se.at().toString())
        .put("recall", recall);
  }

  public JsonObject snapshot(HallState s, LocalDateTime now) {
    JsonArray matters = new JsonArray();
    s.config()
        .matters()
        .values()
        .forEach(
            m ->
                matters.add(
                    HallViews.matter(s, m.code(), now)
                        .put("name", m.name())
                        .put("nameEn", m.nameEn())
                        .put("prefix", m.prefix())
                        .put("category", m.category().name())));
    JsonArray windows = new JsonArray();
    s.windows().forEach(w -> windows.add(HallViews.window(w)));
    JsonArray calls = new JsonArray();
    recentCalls.forEach(calls::add);
    return new JsonObject()
        .put("type", "snapshot")
        .put("hall", s.config().id().value())
        .put("seq", s.seq())
        .put("businessDay", s.businessDay() == null ? null : s.businessDay().toString())
        .put("at", s.lastEventAt() == null ? null : s.lastEventAt().toString())
        .put("hallName", s.config().name())
        .put("hallNameEn", s.config().nameEn())
        .put("matters", matters)
        .put("windows", windows)
        .put("recentCalls", calls)
        .put("notice", s.notice());
  }

  /**
   * The public message of one event, after it was applied (and any later events of its command),
   * with the entries of what the applier said it changed.
   */
  public JsonObject message(Applied applied, HallState s, LocalDateTime now) {
    SequencedEvent se = applied.event();
    HallEvent e = se.event();
    JsonObject m =
        new JsonObject()
            .put("type", EventTypes.of(e))
            .put("seq", se.seq())
            .put("at", se.at().toString());
    e.accept(new EventFields(se, s, m));
    Ticket t = applied.ticket() == null ? null : s.ticket(applied.ticket());
    if (t != null && !m.containsKey("ticket")) {
      m.put("ticket", t.id().value()).put("number", t.number());
    }
    JsonArray mj = new JsonArray();
    applied.matters().forEach(code -> mj.add(HallViews.matter(s, code, now)));
    JsonArray wj = new JsonArray();
    applied.windows().forEach(id -> wj.add(HallViews.window(s.window(id))));
    return m.put("changes", new JsonObject().put("matters", mj).put("windows", wj));
  }

  /** The fields a message carries beyond its ticket and changes, for the events that have any. */
  private static final class EventFields implements HallEvent.ByGroup<Void> {
    private final SequencedEvent se;
    private final HallState s;
    private final JsonObject m;

    EventFields(SequencedEvent se, HallState s, JsonObject m) {
      this.se = se;
      this.s = s;
      this.m = m;
    }

    @Override
    public Void visit(HallEvent.TicketCalled c) {
      m.mergeIn(call(se, s, c.ticket(), c.window(), false)).put("ticket", c.ticket().value());
      return null;
    }

    @Override
    public Void visit(HallEvent.TicketRecalled c) {
      m.mergeIn(call(se, s, c.ticket(), c.window(), true)).put("ticket", c.ticket().value());
      return null;
    }

    @Override
    public Void visit(HallEvent.TicketIssued i) {
      // source and the issuing device (never a person) let a kiosk's agent pick the tickets it
      // prints
      m.put("ticket", i.ticket().value())
          .put("number", i.number())
          .put("matter", i.matter().value())
          .put("source", i.source().name())
          .put("device", i.device() == null ? null : i.device().value());
      return null;
    }

    @Override
    public Void visit(HallEvent.ServiceFinished f) {
      // the record id lets the window's rating pad ask for a rating of exactly this service
      m.put("window", f.window().value()).put("record", f.record().value());
      return null;
    }

    @Override
    public Void visit(HallEvent.ClerkSignedIn c) {
      m.put("window", c.window().value()).put("staffNo", c.clerk().staffNo());
      return null;
    }

    @Override
    public Void visit(HallEvent.NoticeChanged n) {
      m.put("notice", n.text());
      return null;
    }

    @Override
    public Void visit(HallEvent.BusinessDayStarted d) {
      m.put("businessDay", d.day().toString());
      return null;
    }

    @Override
    public Void otherwise(HallEvent e) {
      return null;
    }
  }

  /** For tests, the supervisor and snapshots: the newest call first. */
  public Iterator<JsonObject> recentCalls() {
    return recentCalls.iterator();
  }

  /**
   * Sets the recent calls back from a snapshot, newest first, as {@link #recentCalls()} gave them.
   */
  public void restoreRecentCalls(java.util.List<JsonObject> newestFirst) {
    recentCalls.clear();
    newestFirst.stream().limit(RECENT_CALLS).forEach(recentCalls::addLast);
  }
}
