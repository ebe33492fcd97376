package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.HallCommand.AdmitOfflineTickets;
import cn.suixin.hall.engine.HallCommand.CallNext;
import cn.suixin.hall.engine.HallCommand.CancelTicket;
import cn.suixin.hall.engine.HallCommand.CloseWindow;
import cn.suixin.hall.engine.HallCommand.FinishService;
import cn.suixin.hall.engine.HallCommand.GrantGreenChannel;
import cn.suixin.hall.engine.HallCommand.IssueTicket;
import cn.suixin.hall.engine.HallCommand.MarkNoShow;
import cn.suixin.hall.engine.HallCommand.OpenWindow;
import cn.suixin.hall.engine.HallCommand.Park;
import cn.suixin.hall.engine.HallCommand.PauseWindow;
import cn.suixin.hall.engine.HallCommand.Recall;
import cn.suixin.hall.engine.HallCommand.RecordRating;
import cn.suixin.hall.engine.HallCommand.Redirect;
import cn.suixin.hall.engine.HallCommand.RemapWindow;
import cn.suixin.hall.engine.HallCommand.ReserveNumberBlock;
import cn.suixin.hall.engine.HallCommand.ResumeParked;
import cn.suixin.hall.engine.HallCommand.ResumeWindow;
import cn.suixin.hall.engine.HallCommand.SetNotice;
import cn.suixin.hall.engine.HallCommand.SignIn;
import cn.suixin.hall.engine.HallCommand.SignOut;
import cn.suixin.hall.engine.HallCommand.StartService;
import cn.suixin.hall.engine.HallCommand.Tick;
import cn.suixin.hall.engine.HallCommand.Transfer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * A command in its JSON form, the one {@link CommandCodec#decode} reads: each case names the
 * command's type and writes its fields; an absent optional field is left out.
 */
final class CommandJson implements HallCommand.Visitor<JsonObject> {
  static final CommandJson INSTANCE = new CommandJson();

  private CommandJson() {}

  private static JsonObject type(String type) {
    return new JsonObject().put("type", type);
  }

  private static JsonObject at(String type, HallCommand.AtWindow c) {
    return type(type).put("window", c.window().value());
  }

  /** Puts the value's text, if there is a value. */
  private static JsonObject text(JsonObject j, String field, Object value) {
    return value == null ? j : j.put(field, value.toString());
  }

  @Override
  public JsonObject issueTicket(IssueTicket c) {
    JsonObject j =
        type("issue")
            .put("matter", c.matter().value())
            .put("source", c.source().name())
            .put("partySize", c.partySize());
    text(j, "personHash", c.personHash());
    text(j, "greenChannel", c.greenChannel());
    text(j, "proof", c.proof());
    text(j, "grantedBy", c.grantedBy());
    if (c.appointment() != null) {
      j.put("slotStart", c.appointment().slotStart().toString())
          .put("slotEnd", c.appointment().slotEnd().toString());
    }
    return text(j, "device", c.device());
  }

  @Override
  public JsonObject callNext(CallNext c) {
    return at("call-next", c);
  }

  @Override
  public JsonObject recall(Recall c) {
    return at("recall", c);
  }

  @Override
  public JsonObject startService(StartService c) {
    return at("start", c);
  }

  @Override
  public JsonObject finishService(FinishService c) {
    return at("finish", c).mergeIn(OutcomeCodec.encode(c.outcome()));
  }

  @Override
  public JsonObject markNoShow(MarkNoShow c) {
    return at("no-show", c);
  }

  @Override
  public JsonObject transfer(Transfer c) {
    JsonObject j = at("transfer", c);
    text(j, "matter", c.toMatter());
    text(j, "toWindow", c.toWindow());
    return text(j, "reason", c.reason());
  }

  @Override
  public JsonObject park(Park c) {
    return at("park", c);
  }

  @Override
  public JsonObject resumeParked(ResumeParked c) {
    return at("resume-parked", c).put("ticket", c.ticket().value());
  }

  @Override
  public JsonObject redirect(Redirect c) {
    return type("redirect")
        .put("ticket", c.ticket().value())
        .put("matter", c.toMatter().value())
        .put("reason", c.reason())
        .put("actor", c.guide());
  }

  @Override
  public JsonObject grantGreenChannel(GrantGreenChannel c) {
    JsonObject j =
        type("grant-green")
            .put("ticket", c.ticket().value())
            .put("channel", c.channel().value())
            .put("actor", c.guide());
    return text(j, "reason", c.reason());
  }

  @Override
  public JsonObject cancelTicket(CancelTicket c) {
    return text(type("cancel").put("ticket", c.ticket().value()), "reason", c.reason());
  }

  @Override
  public JsonObject pauseWindow(PauseWindow c) {
    return at("pause", c).put("reason", c.reason());
  }

  @Override
  public JsonObject resumeWindow(ResumeWindow c) {
    return at("resume", c);
  }

  @Override
  public JsonObject openWindow(OpenWindow c) {
    return at("open", c);
  }

  @Override
  public JsonObject closeWindow(CloseWindow c) {
    return text(at("close", c), "reason", c.reason());
  }

  @Override
  public JsonObject remapWindow(RemapWindow c) {
    JsonObject weights = new JsonObject();
    c.weights().forEach((m, w) -> weights.put(m.value(), w));
    return at("remap", c).put("matters", weights);
  }

  @Override
  public JsonObject signIn(SignIn c) {
    return at("sign-in", c).put("staffNo", c.clerk().staffNo()).put("clerkName", c.clerk().name());
  }

  @Override
  public JsonObject signOut(SignOut c) {
    return at("sign-out", c);
  }

  @Override
  public JsonObject recordRating(RecordRating c) {
    JsonObject j =
        type("rate")
            .put("record", c.record().value())
            .put("level", c.level())
            .put("reasons", c.reasons());
    return text(j, "comment", c.comment());
  }

  @Override
  public JsonObject reserveNumberBlock(ReserveNumberBlock c) {
    return type("reserve-block")
        .put("device", c.device().value())
        .put("matter", c.matter().value())
        .put("size", c.size());
  }

  @Override
  public JsonObject admitOfflineTickets(AdmitOfflineTickets c) {
    JsonArray tickets = new JsonArray();
    c.tickets()
        .forEach(
            t ->
                tickets.add(
                    new JsonObject()
                        .put("number", t.number())
                        .put("issuedAt", t.issuedAt().toString())));
    return type("admit-offline")
        .put("device", c.device().value())
        .put("block", c.blockId())
        .put("tickets", tickets);
  }

  @Override
  public JsonObject setNotice(SetNotice c) {
    return type("set-notice").put("text", c.text());
  }

  @Override
  public JsonObject tick(Tick c) {
    return type("tick");
  }
}
