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
import java.util.Set;
import java.util.function.Function;

/**
 * Commands as JSON messages, the form they take on the clustered event bus and in tests that talk
 * to a hall's owner directly. The HTTP layer has already checked who may send them; here only the
 * shape is checked, failing with the field. Writing is {@link CommandJson}, one case per command;
 * reading is one table by type, which a test holds to the same commands.
 */
public final class CommandCodec {
  private static final Map<String, Function<JsonObject, HallCommand>> READERS = readers();

  private CommandCodec() {}

  private static Map<String, Function<JsonObject, HallCommand>> readers() {
    Map<String, Function<JsonObject, HallCommand>> r = new LinkedHashMap<>();
    r.put("issue", CommandCodec::issue);
    r.put("call-next", j -> new HallCommand.CallNext(window(j)));
    r.put("recall", j -> new HallCommand.Recall(window(j)));
    r.put("start", j -> new HallCommand.StartService(window(j)));
    r.put("finish", j -> new HallCommand.FinishService(window(j), OutcomeCodec.decode(j)));
    r.put("no-show", j -> new HallCommand.MarkNoShow(window(j)));
    r.put("transfer", CommandCodec::transfer);
    r.put("park", j -> new HallCommand.Park(window(j)));
    r.put("resume-parked", j -> new HallCommand.ResumeParked(window(j), ticket(j)));
    r.put(
        "redirect",
        j ->
            new HallCommand.Redirect(
                ticket(j),
                new MatterCode(requiredId(j, "matter")),
                requiredString(j, "reason"),
                requiredString(j, "actor")));
    r.put(
        "grant-green",
        j ->
            new HallCommand.GrantGreenChannel(
                ticket(j),
                new ChannelId(requiredId(j, "channel")),
                requiredString(j, "actor"),
                optionalString(j, "reason")));
    r.put("cancel", j -> new HallCommand.CancelTicket(ticket(j), optionalString(j, "reason")));
    r.put("pause", j -> new HallCommand.PauseWindow(window(j), requiredString(j, "reason")));
    r.put("resume", j -> new HallCommand.ResumeWindow(window(j)));
    r.put("open", j -> new HallCommand.OpenWindow(window(j)));
    r.put("close", j -> new HallCommand.CloseWindow(window(j), optionalString(j, "reason")));
    r.put("remap", j -> new HallCommand.RemapWindow(window(j), weights(j)));
    r.put(
        "sign-in",
        j ->
            new HallCommand.SignIn(
                window(j),
                new Clerk(requiredString(j, "staffNo"), requiredString(j, "clerkName"))));
    r.put("sign-out", j -> new HallCommand.SignOut(window(j)));
    r.put(
        "rate",
        j ->
            new HallCommand.RecordRating(
                new ServiceRecordId(requiredInt(j, "record")),
                requiredInt(j, "level"),
                optionalInt(j, "reasons") == null ? 0 : optionalInt(j, "reasons"),
                optionalString(j, "comment")));
    r.put(
        "reserve-block",
        j ->
            new HallCommand.ReserveNumberBlock(
                new DeviceId(requiredString(j, "device")),
                new MatterCode(requiredId(j, "matter")),
                requiredInt(j, "size")));
    r.put("admit-offline", CommandCodec::admitOffline);
    r.put("set-notice", j -> new HallCommand.SetNotice(j.getString("text", "")));
    r.put("tick", j -> new HallCommand.Tick());
    return Map.copyOf(r);
  }

  /** The types this codec reads, for the test that holds them to the commands. */
  public static Set<String> types() {
    return READERS.keySet();
  }

  /**
   * @throws BadField naming the field that is missing or malformed
   */
  public static HallCommand decode(JsonObject j) {
    String type = requiredString(j, "type");
    Function<JsonObject, HallCommand> reader = READERS.get(type);
    if (reader == null) {
      throw new BadField("type", "unknown command " + type);
    }
    return reader.apply(j);
  }

  /** The JSON form {@link #decode} reads back into an equal command. */
  public static JsonObject encode(HallCommand c) {
    return c.accept(CommandJson.INSTANCE);
  }

  /** Who asks: {@code asClerk} names the clerk a window command comes from. */
  public static Asker asker(JsonObject j) {
    String clerk = optionalString(j, "asClerk");
    return clerk == null ? Asker.ANYONE : Asker.clerk(clerk);
  }

  /** {@code slotStart} and {@code slotEnd} of an appointment ticket, or null for a walk-in. */
  public static Appointment appointment(JsonObject j) {
    if (j.getValue("slotStart") == null) {
      return null;
    }
    try {
      return new Appointment(
          Instant.parse(requiredString(j, "slotStart")),
          Instant.parse(requiredString(j, "slotEnd")));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new BadField("slotStart", "slotStart and slotEnd must be instants, start before end");
    }
  }

  /** How many people come on one ticket: 1 unless said. */
  public static int partySize(JsonObject j) {
    Integer party = optionalInt(j, "partySize");
    if (party != null && party < 1) {
      throw new BadField("partySize", "must be at least 1");
    }
    return party == null ? 1 : party;
  }

  /** A ticket id as given in {@code field}. */
  public static TicketId ticket(String field, String id) {
    if (id == null || id.isBlank() || id.length() > 40) {
      throw new BadField(field, "is not a ticket id");
    }
    return new TicketId(id);
  }

  private static HallCommand transfer(JsonObject j) {
    String toMatter = optionalString(j, "matter");
    String toWindow = optionalString(j, "toWindow");
    return new HallCommand.Transfer(
        window(j),
        toMatter == null ? null : new MatterCode(requiredId(j, "matter")),
        toWindow == null ? null : new WindowId(requiredId(j, "toWindow")),
        optionalString(j, "reason"));
  }

  private static HallCommand.IssueTicket issue(JsonObject j) {
    String source = optionalString(j, "source");
    TicketSource src;
    try {
      src = source == null ? TicketSource.KIOSK : TicketSource.valueOf(source);
    } catch (IllegalArgumentException e) {
      throw new BadField("source", "one of KIOSK, PHONE, GUIDE, APPOINTMENT");
    }
    int party = partySize(j);
    String channel = optionalString(j, "greenChannel");
    String device = optionalString(j, "device");
    return new HallCommand.IssueTicket(
        new MatterCode(requiredId(j, "matter")),
        src,
        party,
        optionalString(j, "personHash"),
        channel == null ? null : new ChannelId(requiredId(j, "greenChannel")),
        optionalString(j, "proof"),
        optionalString(j, "grantedBy"),
        appointment(j),
        device == null ? null : new DeviceId(device));
  }

  private static HallCommand admitOffline(JsonObject j) {
    JsonArray tickets = JsonLists.requiredArray(j, "tickets");
    List<HallCommand.OfflineTicket> list = new ArrayList<>();
    for (int i = 0; i < tickets.size(); i++) {
      JsonObject t = JsonLists.objectAt(tickets, "tickets", i);
      try {
        list.add(
            new HallCommand.OfflineTicket(
                t.getInteger("number"), Instant.parse(t.getString("issuedAt"))));
      } catch (RuntimeException e) {
        throw new BadField("tickets[" + i + "]", "needs a number and an issuedAt instant");
      }
    }
    return new HallCommand.AdmitOfflineTickets(
        new DeviceId(requiredString(j, "device")), requiredInt(j, "block"), list);
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
        if (!(e.getValue() instanceof Integer w)
            || !e.getKey().matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
          throw new BadField("matters." + e.getKey(), "weight must be a whole number 1..10");
        }
        weights.put(new MatterCode(e.getKey()), w);
      }
    } else {
      throw new BadField(
          "matters", "is required: a list of matter codes or a map of code to weight");
    }
    return weights;
  }

  private static WindowId window(JsonObject j) {
    return new WindowId(requiredId(j, "window"));
  }

  private static TicketId ticket(JsonObject j) {
    return ticket("ticket", requiredString(j, "ticket"));
  }
}
