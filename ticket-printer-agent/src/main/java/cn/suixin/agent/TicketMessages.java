package cn.suixin.agent;

import cn.suixin.agent.escpos.TicketLayout;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Turns the server's print.ticket payload into what goes on paper, in the hall's time zone. */
final class TicketMessages {

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private TicketMessages() {}

  /**
   * With {@code server}, a relative ticket link is resolved against it: a QR code needs a full
   * address.
   */
  static TicketLayout layout(String hallName, JsonObject t, ZoneId zone, URI server) {
    long waitSeconds = t.getLong("estimatedWaitSeconds", 0L);
    return new TicketLayout(
        hallName,
        t.getString("number", "?"),
        t.getString("matterName", t.getString("matter", "")),
        t.getInteger("ahead", 0),
        (int) ((waitSeconds + 59) / 60),
        windows(t),
        localTime(t.getString("issuedAt"), zone),
        followUrl(t.getString("followUrl"), server),
        t.getBoolean("offline", false),
        greenChannel(t));
  }

  /**
   * A link the server sent relative (it was not told its public address) is resolved against the
   * server this agent talks to, which phones on the hall's network reach; an absolute one is kept.
   */
  static String followUrl(String url, URI server) {
    if (url == null || server == null || !url.startsWith("/") || url.startsWith("//")) {
      return url;
    }
    return server.resolve(url).toString();
  }

  static String localTime(String iso, ZoneId zone) {
    if (iso == null) {
      return "";
    }
    try {
      return LOCAL.format(Instant.parse(iso).atZone(zone));
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /** The contract leaves windows optional; accept a text or a list of window numbers. */
  private static String windows(JsonObject t) {
    Object w = t.getValue("windows");
    if (w instanceof JsonArray list && !list.isEmpty()) {
      StringBuilder sb = new StringBuilder();
      for (Object o : list) {
        sb.append(sb.length() == 0 ? "" : "、").append(o).append("号");
      }
      return sb.append("窗口").toString();
    }
    return w instanceof String s ? s : "";
  }

  /** greenChannel is the channel's name, or true for an unnamed one. */
  private static String greenChannel(JsonObject t) {
    Object g = t.getValue("greenChannel");
    if (g instanceof String s && !s.isEmpty()) {
      return s;
    }
    if (g instanceof JsonObject o) {
      return o.getString("name", "");
    }
    return Boolean.TRUE.equals(g) ? "优先" : null;
  }
}
