package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.CommandResult;
import cn.suixin.hall.engine.Decision;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.HallState;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.engine.Ticket;
import cn.suixin.hall.server.view.HallViews;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The hall owner's answer to a command, as sent back over the event bus:
 * {@code {"ok": true, "seq": n, "result": {...}}} or
 * {@code {"ok": false, "status": 409, "code": "WINDOW_BUSY", "message": "...", "messageEn": "...", "detail": "..."}},
 * a refusal carrying its HTTP meaning (see RejectionMeaning) and, where it is about one, the request field.
 */
final class Replies {
  private Replies() {
  }

  static JsonObject of(HallCommand c, CommandResult r, HallState s) {
    if (!r.accepted()) {
      return rejected(r.rejection());
    }
    JsonObject result = new JsonObject();
    JsonArray types = new JsonArray();
    Ticket ticket = null;
    for (SequencedEvent se : r.events()) {
      HallEvent e = se.event();
      types.add(cn.suixin.hall.server.codec.EventTypes.of(e));
      if (e instanceof HallEvent.TicketIssued i) {
        ticket = s.ticket(i.ticket());
      } else if (e instanceof HallEvent.TicketCalled call) {
        ticket = s.ticket(call.ticket());
        result.put("rule", call.rule().name()).put("ruleText", call.rule().zh()).put("ruleTextEn", call.rule().en());
      } else if (e instanceof HallEvent.NumberBlockReserved b) {
        result.put("block", new JsonObject().put("id", b.blockId()).put("matter", b.matter().value())
            .put("prefix", b.prefix()).put("from", b.from()).put("to", b.to())
            .put("businessDay", String.valueOf(s.businessDay())));
      } else if (e instanceof HallEvent.RatingRecorded rr && rr.followUp() != null) {
        result.put("followUp", new JsonObject().put("callbackDue", rr.followUp().callbackDue().toString())
            .put("rectifyDue", rr.followUp().rectifyDue().toString()));
      }
    }
    if (ticket == null) {
      ticket = ticketTouched(r, s);
    }
    if (ticket != null) {
      result.put("ticket", HallViews.ticket(s, ticket));
    }
    result.put("events", types);
    long seq = r.events().isEmpty() ? s.seq() : r.events().get(r.events().size() - 1).seq();
    return new JsonObject().put("ok", true).put("seq", seq).put("result", result);
  }

  /** The ticket a command acted on, for commands whose events name one. */
  private static Ticket ticketTouched(CommandResult r, HallState s) {
    for (SequencedEvent se : r.events()) {
      Ticket t = HallViews.ticketOf(se.event(), s);
      if (t != null) {
        return t;
      }
    }
    return null;
  }

  static JsonObject rejected(Decision.Rejected r) {
    RejectionMeaning meaning = RejectionMeaning.of(r.reason());
    JsonObject reply = new JsonObject().put("ok", false).put("status", meaning.status()).put("code", r.reason().name())
        .put("message", r.reason().zh()).put("messageEn", r.reason().en()).put("detail", r.detail());
    return meaning.field() == null ? reply : reply.put("field", meaning.field());
  }

  /** Worded as the HTTP layer words its own bad fields. */
  static JsonObject badField(String field, String problem) {
    return new JsonObject().put("ok", false).put("status", 400).put("code", "BAD_FIELD").put("field", field)
        .put("message", "请求字段 " + field + " 有误：" + problem).put("messageEn", "Field " + field + ": " + problem);
  }

  /** A command the owner failed to decide: a bug, logged there; nothing of it was kept. */
  static JsonObject fault() {
    return new JsonObject().put("ok", false).put("status", 500).put("code", "INTERNAL")
        .put("message", "服务器内部错误，该操作未执行，请重试或联系管理员")
        .put("messageEn", "Internal error: the command was not carried out; retry or call the administrator");
  }

  static JsonObject unavailable(String why) {
    return new JsonObject().put("ok", false).put("status", 503).put("code", "HALL_UNAVAILABLE")
        .put("message", "大厅暂时无法处理请求，请稍后重试").put("messageEn", "The hall cannot take commands now; retry shortly")
        .put("detail", why);
  }
}
