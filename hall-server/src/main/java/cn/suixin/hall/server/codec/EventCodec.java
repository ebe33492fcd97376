package cn.suixin.hall.server.codec;

import static cn.suixin.hall.server.codec.Json.channel;
import static cn.suixin.hall.server.codec.Json.instant;
import static cn.suixin.hall.server.codec.Json.matter;
import static cn.suixin.hall.server.codec.Json.str;
import static cn.suixin.hall.server.codec.Json.ticket;
import static cn.suixin.hall.server.codec.Json.window;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.DeviceId;
import cn.suixin.hall.engine.FollowUp;
import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.HallEvent.BusinessDayStarted;
import cn.suixin.hall.engine.HallEvent.ClerkSignedIn;
import cn.suixin.hall.engine.HallEvent.ClerkSignedOut;
import cn.suixin.hall.engine.HallEvent.EventLost;
import cn.suixin.hall.engine.HallEvent.GreenChannelGranted;
import cn.suixin.hall.engine.HallEvent.NoticeChanged;
import cn.suixin.hall.engine.HallEvent.NumberBlockReserved;
import cn.suixin.hall.engine.HallEvent.RatingRecorded;
import cn.suixin.hall.engine.HallEvent.ServiceFinished;
import cn.suixin.hall.engine.HallEvent.ServiceStarted;
import cn.suixin.hall.engine.HallEvent.TicketCalled;
import cn.suixin.hall.engine.HallEvent.TicketCancelled;
import cn.suixin.hall.engine.HallEvent.TicketIssued;
import cn.suixin.hall.engine.HallEvent.TicketNoShow;
import cn.suixin.hall.engine.HallEvent.TicketParked;
import cn.suixin.hall.engine.HallEvent.TicketRecalled;
import cn.suixin.hall.engine.HallEvent.TicketRedirected;
import cn.suixin.hall.engine.HallEvent.TicketResumed;
import cn.suixin.hall.engine.HallEvent.TicketTransferred;
import cn.suixin.hall.engine.HallEvent.WindowClosed;
import cn.suixin.hall.engine.HallEvent.WindowOpened;
import cn.suixin.hall.engine.HallEvent.WindowPaused;
import cn.suixin.hall.engine.HallEvent.WindowRemapped;
import cn.suixin.hall.engine.HallEvent.WindowResumed;
import cn.suixin.hall.engine.PickRule;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.engine.ServiceRecordId;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.config.MatterCode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hall events to and from JSON: the journal's record format and the source of the live feed. The
 * {@code type} names are the live feed's; a journal written by one version must load in the next,
 * so fields are only ever added.
 */
public final class EventCodec {
  private EventCodec() {}

  public static Buffer toBuffer(SequencedEvent e, JsonObject meta) {
    JsonObject json = encode(e);
    if (meta != null && !meta.isEmpty()) {
      json.put("meta", meta);
    }
    return json.toBuffer();
  }

  public static JsonObject encode(SequencedEvent se) {
    JsonObject j = new JsonObject().put("seq", se.seq()).put("at", se.at().toString());
    HallEvent e = se.event();
    j.put("type", EventTypes.of(e));
    e.accept(new Fields(j));
    return j;
  }

  /** Writes an event's own fields after seq, at and type, in the order the journal has them. */
  private static final class Fields implements HallEvent.Visitor<Void> {
    private final JsonObject j;

    Fields(JsonObject j) {
      this.j = j;
    }

    @Override
    public Void visit(TicketIssued x) {
      j.put("ticket", x.ticket().value())
          .put("number", x.number())
          .put("matter", x.matter().value())
          .put("source", x.source().name())
          .put("partySize", x.partySize())
          .put("personHash", x.personHash())
          .put("greenChannel", str(x.greenChannel()))
          .put("grantedBy", x.grantedBy())
          .put("device", x.device() == null ? null : x.device().value())
          .put("serial", x.serial())
          .put("arrival", x.arrival().toString());
      if (x.appointment() != null) {
        j.put("slotStart", x.appointment().slotStart().toString())
            .put("slotEnd", x.appointment().slotEnd().toString());
      }
      return null;
    }

    @Override
    public Void visit(TicketCalled x) {
      j.put("ticket", x.ticket().value())
          .put("window", x.window().value())
          .put("rule", x.rule().name());
      return null;
    }

    @Override
    public Void visit(TicketRecalled x) {
      j.put("ticket", x.ticket().value())
          .put("window", x.window().value())
          .put("recalls", x.recalls());
      return null;
    }

    @Override
    public Void visit(ServiceStarted x) {
      j.put("ticket", x.ticket().value())
          .put("window", x.window().value())
          .put("record", x.record().value())
          .put("staffNo", x.clerk().staffNo())
          .put("clerkName", x.clerk().name());
      return null;
    }

    @Override
    public Void visit(ServiceFinished x) {
      j.put("ticket", x.ticket().value())
          .put("window", x.window().value())
          .put("record", x.record().value())
          .put("outcome", OutcomeCodec.encode(x.outcome()));
      return null;
    }

    @Override
    public Void visit(TicketNoShow x) {
      j.put("ticket", x.ticket().value())
          .put("window", x.window().value())
          .put("requeued", x.requeued());
      return null;
    }

    @Override
    public Void visit(TicketTransferred x) {
      j.put("ticket", x.ticket().value())
          .put("fromWindow", x.fromWindow().value())
          .put("toMatter", str(x.toMatter()))
          .put("toWindow", str(x.toWindow()))
          .put("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(TicketParked x) {
      j.put("ticket", x.ticket().value()).put("window", x.window().value());
      return null;
    }

    @Override
    public Void visit(TicketResumed x) {
      j.put("ticket", x.ticket().value()).put("window", x.window().value());
      return null;
    }

    @Override
    public Void visit(TicketRedirected x) {
      j.put("ticket", x.ticket().value())
          .put("fromMatter", x.fromMatter().value())
          .put("toMatter", x.toMatter().value())
          .put("reason", x.reason())
          .put("guide", x.guide());
      return null;
    }

    @Override
    public Void visit(GreenChannelGranted x) {
      j.put("ticket", x.ticket().value())
          .put("channel", x.channel().value())
          .put("guide", x.guide())
          .put("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(TicketCancelled x) {
      j.put("ticket", x.ticket().value()).put("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(WindowPaused x) {
      j.put("window", x.window().value()).put("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(WindowResumed x) {
      j.put("window", x.window().value());
      return null;
    }

    @Override
    public Void visit(WindowOpened x) {
      j.put("window", x.window().value());
      return null;
    }

    @Override
    public Void visit(WindowClosed x) {
      j.put("window", x.window().value()).put("reason", x.reason());
      return null;
    }

    @Override
    public Void visit(WindowRemapped x) {
      JsonObject weights = new JsonObject();
      new TreeMap<>(x.weights()).forEach((m, w) -> weights.put(m.value(), w));
      j.put("window", x.window().value()).put("weights", weights);
      return null;
    }

    @Override
    public Void visit(ClerkSignedIn x) {
      j.put("window", x.window().value())
          .put("staffNo", x.clerk().staffNo())
          .put("clerkName", x.clerk().name());
      return null;
    }

    @Override
    public Void visit(ClerkSignedOut x) {
      j.put("window", x.window().value())
          .put("staffNo", x.clerk().staffNo())
          .put("clerkName", x.clerk().name());
      return null;
    }

    @Override
    public Void visit(RatingRecorded x) {
      j.put("record", x.record().value())
          .put("level", x.level())
          .put("reasons", x.reasons())
          .put("comment", x.comment());
      if (x.followUp() != null) {
        j.put("callbackDue", x.followUp().callbackDue().toString())
            .put("rectifyDue", x.followUp().rectifyDue().toString());
      }
      return null;
    }

    @Override
    public Void visit(NumberBlockReserved x) {
      j.put("block", x.blockId())
          .put("device", x.device().value())
          .put("matter", x.matter().value())
          .put("prefix", x.prefix())
          .put("from", x.from())
          .put("to", x.to());
      return null;
    }

    @Override
    public Void visit(NoticeChanged x) {
      j.put("text", x.text());
      return null;
    }

    @Override
    public Void visit(BusinessDayStarted x) {
      j.put("day", x.day().toString());
      return null;
    }

    @Override
    public Void visit(EventLost x) {
      j.put("reason", x.reason());
      return null;
    }
  }

  public static SequencedEvent decode(Buffer buffer) {
    return decode(buffer.toJsonObject());
  }

  public static SequencedEvent decode(JsonObject j) {
    return new SequencedEvent(j.getLong("seq"), instant(j, "at"), decodeEvent(j));
  }

  private static HallEvent decodeEvent(JsonObject j) {
    String type = j.getString("type");
    switch (type) {
      case EventTypes.TICKET_ISSUED:
        Appointment appt =
            j.getString("slotStart") == null
                ? null
                : new Appointment(instant(j, "slotStart"), instant(j, "slotEnd"));
        return new TicketIssued(
            ticket(j, "ticket"),
            j.getString("number"),
            matter(j, "matter"),
            TicketSource.valueOf(j.getString("source")),
            j.getInteger("partySize"),
            j.getString("personHash"),
            channel(j, "greenChannel"),
            j.getString("grantedBy"),
            appt,
            j.getString("device") == null ? null : new DeviceId(j.getString("device")),
            j.getLong("serial"),
            instant(j, "arrival"));
      case EventTypes.TICKET_CALLED:
        return new TicketCalled(
            ticket(j, "ticket"), window(j, "window"), PickRule.valueOf(j.getString("rule")));
      case EventTypes.TICKET_RECALLED:
        return new TicketRecalled(
            ticket(j, "ticket"), window(j, "window"), j.getInteger("recalls"));
      case EventTypes.SERVICE_STARTED:
        return new ServiceStarted(
            ticket(j, "ticket"),
            window(j, "window"),
            new ServiceRecordId(j.getLong("record")),
            new Clerk(j.getString("staffNo"), j.getString("clerkName")));
      case EventTypes.SERVICE_FINISHED:
        return new ServiceFinished(
            ticket(j, "ticket"),
            window(j, "window"),
            new ServiceRecordId(j.getLong("record")),
            OutcomeCodec.decode(j.getJsonObject("outcome")));
      case EventTypes.TICKET_NO_SHOW:
        return new TicketNoShow(ticket(j, "ticket"), window(j, "window"), j.getBoolean("requeued"));
      case EventTypes.TICKET_TRANSFERRED:
        return new TicketTransferred(
            ticket(j, "ticket"),
            window(j, "fromWindow"),
            matter(j, "toMatter"),
            window(j, "toWindow"),
            j.getString("reason"));
      case EventTypes.TICKET_PARKED:
        return new TicketParked(ticket(j, "ticket"), window(j, "window"));
      case EventTypes.TICKET_RESUMED:
        return new TicketResumed(ticket(j, "ticket"), window(j, "window"));
      case EventTypes.TICKET_REDIRECTED:
        return new TicketRedirected(
            ticket(j, "ticket"),
            matter(j, "fromMatter"),
            matter(j, "toMatter"),
            j.getString("reason"),
            j.getString("guide"));
      case EventTypes.GREEN_GRANTED:
        return new GreenChannelGranted(
            ticket(j, "ticket"),
            channel(j, "channel"),
            j.getString("guide"),
            j.getString("reason"));
      case EventTypes.TICKET_CANCELLED:
        return new TicketCancelled(ticket(j, "ticket"), j.getString("reason"));
      default:
        return decodeWindowOrHall(type, j);
    }
  }

  private static HallEvent decodeWindowOrHall(String type, JsonObject j) {
    switch (type) {
      case EventTypes.WINDOW_PAUSED:
        return new WindowPaused(window(j, "window"), j.getString("reason"));
      case EventTypes.WINDOW_RESUMED:
        return new WindowResumed(window(j, "window"));
      case EventTypes.WINDOW_OPENED:
        return new WindowOpened(window(j, "window"));
      case EventTypes.WINDOW_CLOSED:
        return new WindowClosed(window(j, "window"), j.getString("reason"));
      case EventTypes.WINDOW_REMAPPED:
        Map<MatterCode, Integer> weights = new LinkedHashMap<>();
        j.getJsonObject("weights")
            .forEach(
                en ->
                    weights.put(new MatterCode(en.getKey()), ((Number) en.getValue()).intValue()));
        return new WindowRemapped(window(j, "window"), weights);
      case EventTypes.CLERK_SIGNED_IN:
        return new ClerkSignedIn(
            window(j, "window"), new Clerk(j.getString("staffNo"), j.getString("clerkName")));
      case EventTypes.CLERK_SIGNED_OUT:
        return new ClerkSignedOut(
            window(j, "window"), new Clerk(j.getString("staffNo"), j.getString("clerkName")));
      case EventTypes.RATING_RECORDED:
        FollowUp f =
            j.getString("callbackDue") == null
                ? null
                : new FollowUp(
                    LocalDate.parse(j.getString("callbackDue")),
                    LocalDate.parse(j.getString("rectifyDue")));
        return new RatingRecorded(
            new ServiceRecordId(j.getLong("record")),
            j.getInteger("level"),
            j.getInteger("reasons"),
            j.getString("comment"),
            f);
      case EventTypes.BLOCK_RESERVED:
        return new NumberBlockReserved(
            j.getLong("block"),
            new DeviceId(j.getString("device")),
            matter(j, "matter"),
            j.getString("prefix"),
            j.getInteger("from"),
            j.getInteger("to"));
      case EventTypes.NOTICE_CHANGED:
        return new NoticeChanged(j.getString("text"));
      case EventTypes.DAY_STARTED:
        return new BusinessDayStarted(LocalDate.parse(j.getString("day")));
      case EventTypes.EVENT_LOST:
        return new EventLost(j.getString("reason"));
      default:
        throw new IllegalArgumentException("unknown event type " + type);
    }
  }
}
