package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.HallState;
import cn.suixin.hall.engine.Ticket;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketStatus;
import cn.suixin.hall.engine.WindowState;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import cn.suixin.hall.server.view.HallViews;
import cn.suixin.hall.server.view.LiveMessages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Answers read-only queries against the owner's state: snapshots, tickets, waiting lists. */
final class HallReads {
  private final HallState state;
  private final Clock clock;
  private final FeedBuffer feed;
  private final LiveMessages live = new LiveMessages();

  HallReads(HallState state, Clock clock, FeedBuffer feed) {
    this.state = state;
    this.clock = clock;
    this.feed = feed;
  }

  LiveMessages live() {
    return live;
  }

  LocalDateTime localNow() {
    return LocalDateTime.ofInstant(clock.instant(), state.config().zone());
  }

  JsonObject snapshot() {
    return live.snapshot(state, localNow());
  }

  /** A readiness probe: does the owner answer at all (see Readiness). */
  static boolean isProbe(JsonObject q) {
    return q != null && "status".equals(q.getValue("type"));
  }

  JsonObject answer(JsonObject q) {
    String type = q.getString("type", "");
    switch (type) {
      case "snapshot":
        return ok(snapshot());
      case "since":
        JsonArray missed = feed.after(q.getLong("seq", -1L), state.seq());
        return missed == null
            ? ok(snapshot())
            : ok(
                new JsonObject()
                    .put("type", "replay")
                    .put("messages", missed)
                    .put("seq", state.seq()));
      case "hall":
        return ok(
            HallViews.hallInfo(
                state.config(),
                state.businessDay() == null
                    ? LocalDate.ofInstant(clock.instant(), state.config().zone())
                    : state.businessDay()));
      case "ticket":
        Ticket t = issuedBy(ticket(q.getString("ticket")), q.getString("issuedBy"));
        return t == null
            ? notFound("UNKNOWN_TICKET", "没有该号", "No such ticket")
            : ok(HallViews.ticket(state, t));
      case "find-number":
        return findNumber(q.getString("number"));
      case "window":
        return window(q.getString("window"));
      case "waiting":
        return ok(waiting());
      case "status":
        return ok(new JsonObject().put("serving", true));
      default:
        return notFound("UNKNOWN_QUERY", "未知查询", "Unknown query");
    }
  }

  /** A device asking without the link's secret sees only the tickets it issued itself. */
  private static Ticket issuedBy(Ticket t, String device) {
    return t == null || device == null || t.device() != null && device.equals(t.device().value())
        ? t
        : null;
  }

  private Ticket ticket(String id) {
    if (id == null || id.isBlank() || id.length() > 40) {
      return null;
    }
    return state.ticket(new TicketId(id));
  }

  private JsonObject findNumber(String number) {
    if (number == null || state.businessDay() == null) {
      return notFound("UNKNOWN_TICKET", "没有该号", "No such ticket");
    }
    String id = state.businessDay().toString().replace("-", "") + "-" + number.trim().toUpperCase();
    Ticket t = ticket(id);
    return t == null
        ? notFound("UNKNOWN_TICKET", "今日没有该号", "No such ticket today")
        : ok(HallViews.ticket(state, t));
  }

  private JsonObject window(String id) {
    WindowState w;
    try {
      w = id == null ? null : state.window(new WindowId(id));
    } catch (IllegalArgumentException e) {
      w = null;
    }
    if (w == null) {
      return notFound("UNKNOWN_WINDOW", "没有该窗口", "No such window");
    }
    JsonArray parked = new JsonArray();
    w.parked().forEach(t -> parked.add(HallViews.ticket(state, state.ticket(t))));
    List<Ticket> all = waitingFor(w);
    JsonArray waiting = new JsonArray();
    all.stream().limit(50).forEach(t -> waiting.add(HallViews.ticket(state, t)));
    return ok(
        HallViews.window(w)
            .put("parked", parked)
            .put("waiting", waiting)
            .put("waitingCount", all.size()));
  }

  /**
   * Today's waiting tickets a window could call, oldest first (a view for the clerk, not the
   * routing).
   */
  private List<Ticket> waitingFor(WindowState w) {
    return state.tickets().stream()
        .filter(
            t ->
                t.status() == TicketStatus.WAITING
                    && (w.id().equals(t.directedTo())
                        || t.directedTo() == null && w.serves(t.matter())))
        .sorted(Ticket.queueOrder())
        .toList();
  }

  private JsonObject waiting() {
    // one pass over today's tickets for the oldest waiting ticket of every matter
    Map<MatterCode, Ticket> oldest = new HashMap<>();
    for (Ticket t : state.tickets()) {
      if (t.status() == TicketStatus.WAITING) {
        oldest.merge(t.matter(), t, (a, b) -> Ticket.queueOrder().compare(a, b) <= 0 ? a : b);
      }
    }
    JsonArray matters = new JsonArray();
    LocalDateTime now = localNow();
    state
        .config()
        .matters()
        .keySet()
        .forEach(
            m -> {
              JsonObject j = HallViews.matter(state, m, now);
              Ticket first = oldest.get(m);
              if (first != null) {
                j.put("longestWaitSince", first.arrival().toString())
                    .put("longestWaitNumber", first.number());
              }
              JsonArray windows = new JsonArray();
              state.windows().stream()
                  .filter(w -> w.serves(m))
                  .forEach(w -> windows.add(w.id().value()));
              matters.add(j.put("windows", windows));
            });
    return new JsonObject().put("seq", state.seq()).put("matters", matters);
  }

  private static JsonObject ok(JsonObject body) {
    return new JsonObject().put("ok", true).put("result", body);
  }

  private static JsonObject notFound(String code, String zh, String en) {
    return new JsonObject()
        .put("ok", false)
        .put("status", 404)
        .put("code", code)
        .put("message", zh)
        .put("messageEn", en);
  }
}
