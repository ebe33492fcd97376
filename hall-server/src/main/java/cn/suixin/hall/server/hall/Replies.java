package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.Applied;
import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.Decision;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.HallState;
import cn.suixin.hall.engine.Ticket;
import cn.suixin.hall.server.codec.EventTypes;
import cn.suixin.hall.server.view.HallViews;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The hall owner's answer to a command, as sent back over the event bus: {@code {"ok": true, "seq":
 * n, "result": {...}}} or {@code {"ok": false, "status": 409, "code": "WINDOW_BUSY", "message":
 * "...", "messageEn": "...", "detail": "..."}}, a refusal carrying its HTTP meaning (see
 * RejectionMeaning) and, where it is about one, the request field.
 */
final class Replies {
  private Replies() {}

  static JsonObject of(HallCommand c, CommandResult r, HallState s) {
    if (!r.accepted()) {
      return rejected(r.rejection());
    }
    JsonObject result = new JsonObject();
    JsonArray types = new JsonArray();
    ResultFields fields = new ResultFields(s, result);
    for (Applied a : r.applied()) {
      types.add(EventTypes.of(a.event().event()));
      a.event().event().accept(fields);
    }
    Ticket ticket = fields.ticket != null ? fields.ticket : ticketTouched(r, s);
    if (ticket != null) {
      result.put("ticket", HallViews.ticket(s, ticket));
    }
    result.put("events", types);
    long seq = r.events().isEmpty() ? s.seq() : r.events().get(r.events().size() - 1).seq();
    return new JsonObject().put("ok", true).put("seq", seq).put("result", result);
  }

  /** The ticket a command acted on, for commands whose events name one. */
  private static Ticket ticketTouched(CommandResult r, HallState s) {
    for (Applied a : r.applied()) {
      Ticket t = a.ticket() == null ? null : s.ticket(a.ticket());
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  /**
   * What a reply tells beyond the event names: the ticket issued or called, the rule, the block,
   * the follow-up.
   */
  private static final class ResultFields implements HallEvent.ByGroup<Void> {
    private final HallState s;
    private final JsonObject result;
    private Ticket ticket;

    ResultFields(HallState s, JsonObject result) {
      this.s = s;
      this.result = result;
    }

    @Override
    public Void visit(HallEvent.TicketIssued i) {
      ticket = s.ticket(i.ticket());
      return null;
    }

    @Override
    public Void visit(HallEvent.TicketCalled call) {
      ticket = s.ticket(call.ticket());
      result
          .put("rule", call.rule().name())
          .put("ruleText", call.rule().zh())
          .put("ruleTextEn", call.rule().en());
      return null;
    }

    @Override
    public Void visit(HallEvent.NumberBlockReserved b) {
      result.put(
          "block",
          new JsonObject()
              .put("id", b.blockId())
              .put("matter", b.matter().value())
              .put("prefix", b.prefix())
              .put("from", b.from())
              .put("to", b.to())
              .put("businessDay", String.valueOf(s.businessDay())));
      return null;
    }

    @Override
    public Void visit(HallEvent.RatingRecorded rr) {
      if (rr.followUp() != null) {
        result.put(
            "followUp",
            new JsonObject()
                .put("callbackDue", rr.followUp().callbackDue().toString())
                .put("rectifyDue", rr.followUp().rectifyDue().toString()));
      }
      return null;
    }

    @Override
    public Void otherwise(HallEvent e) {
      return null;
    }
  }

  static JsonObject rejected(Decision.Rejected r) {
    RejectionMeaning meaning = RejectionMeaning.of(r.reason());
    JsonObject reply =
        new JsonObject()
            .put("ok", false)
            .put("status", meaning.status())
            .put("code", r.reason().name())
            .put("message", r.reason().zh())
            .put("messageEn", r.reason().en())
            .put("detail", r.detail());
    return meaning.field() == null ? reply : reply.put("field", meaning.field());
  }

  /** Worded as the HTTP layer words its own bad fields. */
  static JsonObject badField(String field, String problem) {
    return new JsonObject()
        .put("ok", false)
        .put("status", 400)
        .put("code", "BAD_FIELD")
        .put("field", field)
        .put("message", "请求字段 " + field + " 有误：" + problem)
        .put("messageEn", "Field " + field + ": " + problem);
  }

  /** A command the owner failed to decide: a bug, logged there; nothing of it was kept. */
  static JsonObject fault() {
    return new JsonObject()
        .put("ok", false)
        .put("status", 500)
        .put("code", "INTERNAL")
        .put("message", "服务器内部错误，该操作未执行，请重试或联系管理员")
        .put(
            "messageEn",
            "Internal error: the command was not carried out; retry or call the administrator");
  }

  static JsonObject unavailable(String why) {
    return new JsonObject()
        .put("ok", false)
        .put("status", 503)
        .put("code", "HALL_UNAVAILABLE")
        .put("message", "大厅暂时无法处理请求，请稍后重试")
        .put("messageEn", "The hall cannot take commands now; retry shortly")
        .put("detail", why);
  }
}
