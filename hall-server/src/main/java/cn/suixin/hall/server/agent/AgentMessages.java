package cn.suixin.hall.server.agent;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.GreenChannel;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.Window;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.view.FollowLinks;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Every message the server sends to an agent (docs/agent-protocol.md), built in one place. */
final class AgentMessages {
  static final int RATING_TIMEOUT_SECONDS = 30;

  private AgentMessages() {}

  static JsonObject hello(Principal agent, HallConfig hall, Instant now) {
    return new JsonObject()
        .put("type", "hello")
        .put(
            "device",
            new JsonObject()
                .put("id", agent.id())
                .put("kind", "agent")
                .put("hall", agent.hall())
                .put("window", agent.window())
                .put("name", agent.name()))
        .put(
            "hall",
            new JsonObject()
                .put("id", hall.id().value())
                .put("name", hall.name())
                .put("nameEn", hall.nameEn()))
        .put("serverTime", now.toString());
  }

  /**
   * From the owner's ticket view; the job id is the ticket id, so a repeated job is recognisable.
   */
  static JsonObject printTicket(HallConfig hall, JsonObject view, FollowLinks links) {
    String id = view.getString("id");
    String matter = view.getString("matter");
    JsonObject ticket =
        new JsonObject()
            .put("id", id)
            .put("number", view.getString("number"))
            .put("matter", matter)
            .put("matterName", view.getString("matterName"))
            .put("matterNameEn", view.getString("matterNameEn"))
            .put("ahead", view.getInteger("ahead", 0))
            .put("estimatedWaitSeconds", view.getLong("estimatedWaitSeconds", 0L))
            .put("issuedAt", view.getString("issuedAt"))
            .put("followUrl", links.of(hall.id().value(), id))
            .put("greenChannel", greenChannelName(hall, view.getString("greenChannel")))
            .put("offline", "OFFLINE".equals(view.getString("source")))
            .put("windows", windowsServing(hall, matter));
    return new JsonObject().put("type", "print.ticket").put("job", id).put("ticket", ticket);
  }

  /** The ticket shows the channel's name (高考绿色通道), not its id. */
  private static String greenChannelName(HallConfig hall, String id) {
    if (id == null) {
      return null;
    }
    GreenChannel g = hall.greenChannels().get(new ChannelId(id));
    return g == null ? id : g.name();
  }

  /** Window numbers from the configuration, as printed on the ticket (办理窗口 1号、2号). */
  private static JsonArray windowsServing(HallConfig hall, String matter) {
    JsonArray list = new JsonArray();
    if (matter == null) {
      return list;
    }
    MatterCode code = new MatterCode(matter);
    for (Window w : hall.windows().values()) {
      if (w.weights().containsKey(code)) {
        list.add(windowNumber(w.id().value()));
      }
    }
    return list;
  }

  static JsonObject padCall(String number, String window) {
    return new JsonObject()
        .put("type", "pad.call")
        .put("number", number)
        .put("window", windowNumber(window));
  }

  /** Pads take a numeric staff id (u32): keep only the digits of the staff number. */
  static JsonObject padStaff(String staffNo, String name) {
    String digits = staffNo == null ? "" : staffNo.replaceAll("\\D", "");
    return new JsonObject()
        .put("type", "pad.staff")
        .put("staffNo", digits.isEmpty() ? "0" : digits)
        .put("name", name == null ? "" : name);
  }

  static JsonObject padRate(long record) {
    return new JsonObject()
        .put("type", "pad.rate")
        .put("recordId", record)
        .put("timeoutSeconds", RATING_TIMEOUT_SECONDS);
  }

  static JsonObject offlineBlock(JsonObject block) {
    return new JsonObject().put("type", "offline.block").put("block", block);
  }

  static JsonObject ack(String id) {
    return new JsonObject().put("type", "ack").put("id", id);
  }

  /**
   * A refusal with the engine's or the API's code (and the bad field); anything else is an internal
   * error.
   */
  static JsonObject error(String id, Throwable cause) {
    JsonObject body =
        cause instanceof Problem p
            ? p.body()
            : new JsonObject()
                .put("code", "ERROR")
                .put("message", "服务器内部错误")
                .put("messageEn", "Internal error");
    JsonObject error =
        new JsonObject()
            .put("type", "error")
            .put("id", id)
            .put("code", body.getString("code"))
            .put("message", body.getString("message"))
            .put("messageEn", body.getString("messageEn"));
    return body.getString("field") == null ? error : error.put("field", body.getString("field"));
  }

  /**
   * "07" is window 7 on the pad and the LED screen; a non-numeric id is 0 (shown without a number).
   */
  static int windowNumber(String window) {
    try {
      return Integer.parseInt(window);
    } catch (NumberFormatException | NullPointerException e) {
      return 0;
    }
  }
}
