package cn.suixin.hall.server.codec;

import static cn.suixin.hall.server.codec.Json.optionalInt;
import static cn.suixin.hall.server.codec.Json.optionalString;
import static cn.suixin.hall.server.codec.Json.requiredId;
import static cn.suixin.hall.server.codec.Json.requiredInt;
import static cn.suixin.hall.server.codec.Json.requiredString;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.Asker;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Commands as JSON messages on the event bus ({@code hall.<id>.commands}). The HTTP layer has
 * already checked who may send them; here only the shape is checked, failing with the field.
 */
public final class CommandCodec {
  private CommandCodec() {
  }

  /** Who asks: {@code asClerk} names the clerk a window command comes from. */
  public static Asker asker(JsonObject j) {
    String clerk = optionalString(j, "asClerk");
    return clerk == null ? Asker.ANYONE : Asker.clerk(clerk);
  }

  public static HallCommand decode(JsonObject j) {
    String type = requiredString(j, "type");
    switch (type) {
      case "issue":
        return issue(j);
      case "call-next":
        return new HallCommand.CallNext(window(j));
      case "recall":
        return new HallCommand.Recall(window(j));
      case "start":
        return new HallCommand.StartService(window(j));
      case "finish":
        return new HallCommand.FinishService(window(j), OutcomeCodec.decode(j));
      case "no-show":
        return new HallCommand.MarkNoShow(window(j));
      case "transfer":
        String toMatter = optionalString(j, "matter");
        String toWindow = optionalString(j, "toWindow");
        return new HallCommand.Transfer(window(j), toMatter == null ? null : new MatterCode(requiredId(j, "matter")),
            toWindow == null ? null : new WindowId(requiredId(j, "toWindow")), optionalString(j, "reason"));
      case "park":
        return new HallCommand.Park(window(j));
      case "resume-parked":
        return new HallCommand.ResumeParked(window(j), ticket(j));
      case "redirect":
        return new HallCommand.Redirect(ticket(j), new MatterCode(requiredId(j, "matter")),
            requiredString(j, "reason"), requiredString(j, "actor"));
      case "grant-green":
        return new HallCommand.GrantGreenChannel(ticket(j), new ChannelId(requiredId(j, "channel")),
            requiredString(j, "actor"), optionalString(j, "reason"));
      case "cancel":
        return new HallCommand.CancelTicket(ticket(j), optionalString(j, "reason"));
      default:
        return decodeAdmin(type, j);
    }
  }

  private static HallCommand decodeAdmin(String type, JsonObject j) {
    switch (type) {
      case "pause":
        return new HallCommand.PauseWindow(window(j), requiredString(j, "reason"));
      case "resume":
        return new HallCommand.ResumeWindow(window(j));
      case "open":
        return new HallCommand.OpenWindow(window(j));
      case "close":
        return new HallCommand.CloseWindow(window(j), optionalString(j, "reason"));
      case "remap":
        return new HallCommand.RemapWindow(window(j), weights(j));
      case "sign-in":
        return new HallCommand.SignIn(window(j), new Clerk(requiredString(j, "staffNo"),
            requiredString(j, "clerkName")));
      case "sign-out":
        return new HallCommand.SignOut(window(j));
      case "rate":
        return new HallCommand.RecordRating(new ServiceRecordId(requiredInt(j, "record")), requiredInt(j, "level"),
            optionalInt(j, "reasons") == null ? 0 : optionalInt(j, "reasons"), optionalString(j, "comment"));
      case "reserve-block":
        return new HallCommand.ReserveNumberBlock(new DeviceId(requiredString(j, "device")),
            new MatterCode(requiredId(j, "matter")), requiredInt(j, "size"));
      case "admit-offline":
        return admitOffline(j);
      case "set-notice":
        return new HallCommand.SetNotice(j.getString("text", ""));
      case "tick":
        return new HallCommand.Tick();
      default:
        throw new BadField("type", "unknown command " + type);
    }
  }

  private static HallCommand.IssueTicket issue(JsonObject j) {
    String source = optionalString(j, "source");
    TicketSource src;
    try {
      src = source == null ? TicketSource.KIOSK : TicketSource.valueOf(source);
    } catch (IllegalArgumentException e) {
      throw new BadField("source", "one of KIOSK, PHONE, GUIDE, APPOINTMENT");
    }
    Integer party = optionalInt(j, "partySize");
    if (party != null && party < 1) {
      throw new BadField("partySize", "must be at least 1");
    }
    String channel = optionalString(j, "greenChannel");
    String device = optionalString(j, "device");
    Appointment appt = null;
    if (j.getValue("slotStart") != null) {
      try {
        appt = new Appointment(Instant.parse(requiredString(j, "slotStart")), Instant.parse(requiredString(j,
            "slotEnd")));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        throw new BadField("slotStart", "slotStart and slotEnd must be instants, start before end");
      }
    }
    return new HallCommand.IssueTicket(new MatterCode(requiredId(j, "matter")), src, party == null ? 1 : party,
        optionalString(j, "personHash"), channel == null ? null : new ChannelId(requiredId(j, "greenChannel")),
        optionalString(j, "proof"), optionalString(j, "grantedBy"), appt, device == null ? null : new DeviceId(device));
  }

  private static HallCommand admitOffline(JsonObject j) {
    JsonArray tickets = JsonLists.requiredArray(j, "tickets");
    List<HallCommand.OfflineTicket> list = new ArrayList<>();
    for (int i = 0; i < tickets.size(); i++) {
      JsonObject t = JsonLists.objectAt(tickets, "tickets", i);
      try {
        list.add(new HallCommand.OfflineTicket(t.getInteger("number"), Instant.parse(t.getString("issuedAt"))));
      } catch (RuntimeException e) {
        throw new BadField("tickets[" + i + "]", "needs a number and an issuedAt instant");
      }
    }
    return new HallCommand.AdmitOfflineTickets(new DeviceId(requiredString(j, "device")),
        requiredInt(j, "block"), list);
  }

  private static Map<MatterCode, Integer> weights(JsonObject j) {
    Object raw = j.getValue("matters");
    Map<MatterCode, Integer> weights = new LinkedHashMap<>();
    if (raw instanceof JsonArray list) {
      for (Object m : list) {
        if (!(m instanceof String s) || !s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
          throw new BadField("matters", "must be matter codes, or a map of matter code to weight");
        }
        weights.put(new MatterCode(s), 5);
      }
    } else if (raw instanceof JsonObject map) {
      for (Map.Entry<String, Object> e : map) {
        if (!(e.getValue() instanceof Integer w) || !e.getKey().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
          throw new BadField("matters." + e.getKey(), "weight must be a whole number 1..10");
        }
        weights.put(new MatterCode(e.getKey()), w);
      }
    } else {
      throw new BadField("matters", "is required: a list of matter codes or a map of code to weight");
    }
    return weights;
  }

  private static WindowId window(JsonObject j) {
    return new WindowId(requiredId(j, "window"));
  }

  private static TicketId ticket(JsonObject j) {
    String s = requiredString(j, "ticket");
    if (s.length() > 40) {
      throw new BadField("ticket", "is not a ticket id");
    }
    return new TicketId(s);
  }
}
