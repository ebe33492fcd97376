package cn.suixin.hall.server.view;

import cn.suixin.hall.engine.HallState;
import cn.suixin.hall.engine.Ticket;
import cn.suixin.hall.engine.TicketStatus;
import cn.suixin.hall.engine.WindowState;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.Matter;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.MatterFlag;
import cn.suixin.hall.engine.config.Session;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.engine.config.WindowKind;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * JSON views of a hall's state for screens and consoles. Public views carry numbers, windows and
 * counts, never a person: clerk names are masked, person hashes never leave the engine.
 */
public final class HallViews {
  private HallViews() {}

  public static JsonObject hallInfo(HallConfig c, LocalDate today) {
    JsonArray matters = new JsonArray();
    for (Matter m : c.matters().values()) {
      JsonArray flags = new JsonArray();
      m.flags().stream().map(MatterFlag::name).sorted().forEach(flags::add);
      matters.add(
          new JsonObject()
              .put("code", m.code().value())
              .put("name", m.name())
              .put("nameEn", m.nameEn())
              .put("prefix", m.prefix())
              .put("category", m.category().name())
              .put("categoryName", m.category().zh())
              .put("categoryNameEn", m.category().en())
              .put("legalDays", m.legalDays())
              .put("promisedDays", m.promisedDays())
              .put("flags", flags)
              .put("dailyQuota", m.dailyQuota()));
    }
    JsonArray windows = new JsonArray();
    for (Window w : c.windows().values()) {
      windows.add(
          new JsonObject()
              .put("id", w.id().value())
              .put("name", w.name())
              .put("nameEn", w.nameEn())
              .put("kind", w.kind().name())
              .put("matters", matterList(w)));
    }
    JsonArray channels = new JsonArray();
    for (GreenChannel g : c.greenChannels().values()) {
      JsonArray codes = new JsonArray();
      g.matters().stream().map(MatterCode::value).sorted().forEach(codes::add);
      channels.add(
          new JsonObject()
              .put("id", g.id().value())
              .put("name", g.name())
              .put("nameEn", g.nameEn())
              .put("matters", codes)
              .put("proof", g.proof())
              .put("proofEn", g.proofEn())
              .put("dailyQuota", g.dailyQuota())
              .put("activeToday", today != null && g.activeOn(today)));
    }
    return new JsonObject()
        .put("id", c.id().value())
        .put("name", c.name())
        .put("nameEn", c.nameEn())
        .put("address", c.address())
        .put("timeZone", c.zone().getId())
        .put("matters", matters)
        .put("windows", windows)
        .put("greenChannels", channels)
        .put("openingHours", hours(c));
  }

  private static JsonObject hours(HallConfig c) {
    JsonArray weekly = new JsonArray();
    for (Session s : c.openingHours().weekly()) {
      JsonArray days = new JsonArray();
      s.days().stream().sorted().forEach(d -> days.add(d.name()));
      weekly.add(
          new JsonObject()
              .put("days", days)
              .put("open", s.open().toString())
              .put("close", s.close().toString()));
    }
    JsonArray extra = new JsonArray();
    c.openingHours()
        .extra()
        .forEach(
            x ->
                extra.add(
                    new JsonObject()
                        .put("date", x.date().toString())
                        .put("open", x.open().toString())
                        .put("close", x.close().toString())
                        .put("reason", x.reason())));
    JsonArray closed = new JsonArray();
    c.openingHours().closedDays().stream().sorted().forEach(d -> closed.add(d.toString()));
    return new JsonObject()
        .put("aroundTheClock", c.openingHours().aroundTheClock())
        .put("weekly", weekly)
        .put("extra", extra)
        .put("closedDays", closed);
  }

  private static JsonArray matterList(Window w) {
    JsonArray list = new JsonArray();
    w.weights().keySet().stream().map(MatterCode::value).sorted().forEach(list::add);
    return list;
  }

  public static JsonObject matter(HallState s, MatterCode code, LocalDateTime now) {
    int waiting = s.waiting(code);
    int quota = s.config().matters().get(code).dailyQuota();
    // open: tickets can be taken now; activeWindows: how many windows could call it now
    return new JsonObject()
        .put("code", code.value())
        .put("waiting", waiting)
        .put("estimatedWaitSeconds", s.estimatedWaitSeconds(code, waiting))
        .put(
            "open",
            s.config().openingHours().isOpen(now) && (quota == 0 || s.issuedToday(code) < quota))
        .put("activeWindows", s.activeWindows(code));
  }

  public static JsonObject window(WindowState w) {
    JsonArray matters = new JsonArray();
    w.weights().keySet().stream().map(MatterCode::value).sorted().forEach(matters::add);
    JsonObject j =
        new JsonObject()
            .put("id", w.id().value())
            .put("name", w.config().name())
            .put("nameEn", w.config().nameEn())
            .put("kind", w.config().kind().name())
            .put("crossRegion", w.config().kind() == WindowKind.CROSS_REGION)
            .put("greenChannel", w.config().kind() == WindowKind.GREEN_CHANNEL)
            .put("matters", matters)
            .put("state", state(w))
            .put("pausedReason", w.pausedReason());
    if (w.clerk() != null) {
      j.put(
          "clerk",
          new JsonObject()
              .put("staffNo", w.clerk().staffNo())
              .put("name", Masks.name(w.clerk().name())));
    }
    if (w.current() != null) {
      Ticket t = w.current();
      j.put(
          "current",
          new JsonObject()
              .put("ticket", t.id().value())
              .put("number", t.number())
              .put("matter", t.matter().value())
              .put("status", t.status().name()));
    }
    return j;
  }

  static String state(WindowState w) {
    if (!w.open()) {
      return "CLOSED";
    }
    if (w.paused()) {
      return "PAUSED";
    }
    if (w.current() != null) {
      return w.current().status() == TicketStatus.CALLED ? "CALLING" : "SERVING";
    }
    return w.clerk() == null ? "UNSTAFFED" : "IDLE";
  }

  /** A ticket as its holder, a clerk or a guide sees it. */
  public static JsonObject ticket(HallState s, Ticket t) {
    int ahead = s.ahead(t);
    JsonObject j =
        new JsonObject()
            .put("id", t.id().value())
            .put("number", t.number())
            .put("matter", t.matter().value())
            .put("status", t.status().name())
            .put("ahead", ahead)
            .put(
                "estimatedWaitSeconds",
                t.status() == TicketStatus.WAITING ? s.estimatedWaitSeconds(t.matter(), ahead) : 0)
            .put("issuedAt", t.arrival().toString())
            .put("source", t.source().name())
            .put("partySize", t.partySize());
    Matter m = s.config().matters().get(t.matter());
    if (m != null) {
      j.put("matterName", m.name()).put("matterNameEn", m.nameEn());
    }
    if (t.greenChannel() != null) {
      j.put("greenChannel", t.greenChannel().value());
    }
    if (t.window() != null) {
      WindowState w = s.window(t.window());
      j.put("window", t.window().value())
          .put("windowName", w.config().name())
          .put("windowNameEn", w.config().nameEn());
    }
    if (t.directedTo() != null) {
      j.put("directedTo", t.directedTo().value());
    }
    if (t.record() != null) {
      j.put("record", t.record().value());
    }
    return j;
  }
}
