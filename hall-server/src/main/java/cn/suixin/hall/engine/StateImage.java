package cn.suixin.hall.engine;

import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hall's whole state as a flat run of values, and back into an equal state (the same
 * {@link HallState#fingerprint()}), so a restart can begin at a snapshot and replay only the
 * journal's tail. The engine stays pure: the bytes belong to whoever implements {@link Out} and
 * {@link In}.
 *
 * <p>Tickets are written once; queues, windows and records refer to them by id. Ids read back are
 * resolved against the configuration, so an image naming a matter, window or channel the hall no
 * longer has is refused rather than half restored.
 */
public final class StateImage {
  /** Bumped whenever the layout below changes; an image of another version is refused. */
  public static final int VERSION = 2;
  private static final long NONE = Long.MIN_VALUE;

  /** Where an image is written; strings may be null. */
  public interface Out {
    void putInt(int value);

    void putLong(long value);

    void putString(String value);
  }

  /** Where an image is read from, in the order it was written. */
  public interface In {
    int getInt();

    long getLong();

    String getString();
  }

  private StateImage() {
  }

  static void write(HallState s, Out out) {
    out.putInt(VERSION);
    out.putString(s.config.id().value());
    out.putLong(s.day == null ? NONE : s.day.toEpochDay());
    out.putLong(s.seq);
    putInstant(out, s.lastAt);
    out.putLong(s.nextSerial);
    out.putLong(s.nextRecord);
    out.putLong(s.nextBlock);
    out.putString(s.notice);
    out.putLong(s.lostEvents);
    out.putLong(s.eventsSkippedAfterLoss);
    putCounts(out, s.lastNumberByPrefix);
    putCounts(out, s.issuedByMatter);
    putCounts(out, s.issuedByChannel);
    out.putInt(s.activeByPerson.size());
    s.activeByPerson.forEach((person, ticket) -> {
      out.putString(person);
      out.putString(ticket.value());
    });
    out.putInt(s.windowByClerk.size());
    s.windowByClerk.forEach((clerk, window) -> {
      out.putString(clerk);
      out.putString(window.value());
    });
    out.putInt(s.serviceMillis.size());
    s.serviceMillis.forEach((matter, millis) -> {
      out.putString(matter.value());
      out.putLong(millis);
    });
    out.putInt(s.tickets.size());
    s.tickets.values().forEach(t -> putTicket(out, t));
    out.putInt(s.queues.size());
    s.queues.forEach((matter, q) -> {
      out.putString(matter.value());
      putTickets(out, q.regular);
      putTickets(out, q.green);
      putTickets(out, q.appointments);
    });
    out.putInt(s.windows.size());
    s.windows.values().forEach(w -> putWindow(out, w));
    out.putInt(s.records.size());
    s.records.values().forEach(r -> putRecord(out, r));
    out.putInt(s.blocks.size());
    s.blocks.values().forEach(b -> putBlock(out, b));
    out.putInt(s.finishedToday.size());
    s.finishedToday.forEach(r -> out.putLong(r.id.value()));
  }

  static HallState read(HallConfig config, In in) {
    int version = in.getInt();
    if (version != VERSION) {
      throw new IllegalArgumentException("state image version " + version + ", this engine reads " + VERSION);
    }
    String hall = in.getString();
    if (!config.id().value().equals(hall)) {
      throw new IllegalArgumentException("state image of hall " + hall + ", not " + config.id().value());
    }
    Ids ids = new Ids(config);
    HallState s = new HallState(config);
    long day = in.getLong();
    s.day = day == NONE ? null : LocalDate.ofEpochDay(day);
    s.seq = in.getLong();
    s.lastAt = getInstant(in);
    s.nextSerial = in.getLong();
    s.nextRecord = in.getLong();
    s.nextBlock = in.getLong();
    s.notice = in.getString();
    s.lostEvents = in.getLong();
    s.eventsSkippedAfterLoss = in.getLong();
    getCounts(in, s.lastNumberByPrefix, key -> key);
    getCounts(in, s.issuedByMatter, ids::matter);
    getCounts(in, s.issuedByChannel, ids::channel);
    for (int n = in.getInt(); n > 0; n--) {
      s.activeByPerson.put(in.getString(), new TicketId(in.getString()));
    }
    for (int n = in.getInt(); n > 0; n--) {
      s.windowByClerk.put(in.getString(), ids.window(in.getString()));
    }
    for (int n = in.getInt(); n > 0; n--) {
      s.serviceMillis.put(ids.matter(in.getString()), in.getLong());
    }
    for (int n = in.getInt(); n > 0; n--) {
      Ticket t = getTicket(in, ids);
      s.tickets.put(t.id, t);
    }
    for (int n = in.getInt(); n > 0; n--) {
      MatterQueue q = s.queues.get(ids.matter(in.getString()));
      getTickets(in, s, q.regular);
      getTickets(in, s, q.green);
      getTickets(in, s, q.appointments);
    }
    for (int n = in.getInt(); n > 0; n--) {
      getWindow(in, s, ids);
    }
    for (int n = in.getInt(); n > 0; n--) {
      ServiceRecord r = getRecord(in, ids);
      s.records.put(r.id.value(), r);
    }
    for (int n = in.getInt(); n > 0; n--) {
      NumberBlock b = getBlock(in, ids);
      s.blocks.put(b.id, b);
    }
    for (int n = in.getInt(); n > 0; n--) {
      s.finishedToday.add(known(s.records.get(in.getLong()), "record"));
    }
    return s;
  }

  private static void putTicket(Out out, Ticket t) {
    out.putString(t.id.value());
    out.putString(t.number);
    out.putString(t.source.name());
    out.putInt(t.partySize);
    out.putString(t.personHash);
    putInstant(out, t.appointment == null ? null : t.appointment.slotStart());
    putInstant(out, t.appointment == null ? null : t.appointment.slotEnd());
    out.putString(t.device == null ? null : t.device.value());
    out.putLong(t.serial);
    putInstant(out, t.arrival);
    out.putString(t.matter.value());
    out.putString(t.greenChannel == null ? null : t.greenChannel.value());
    out.putString(t.status.name());
    out.putString(t.window == null ? null : t.window.value());
    out.putString(t.directedTo == null ? null : t.directedTo.value());
    out.putInt(t.recalls);
    out.putInt(t.noShows);
    out.putLong(t.record == null ? NONE : t.record.value());
    putInstant(out, t.calledAt);
  }

  private static Ticket getTicket(In in, Ids ids) {
    TicketId id = new TicketId(in.getString());
    String number = in.getString();
    TicketSource source = TicketSource.valueOf(in.getString());
    int partySize = in.getInt();
    String person = in.getString();
    Instant slotStart = getInstant(in);
    Instant slotEnd = getInstant(in);
    String device = in.getString();
    long serial = in.getLong();
    Instant arrival = getInstant(in);
    Ticket t = new Ticket(id, number, source, partySize, person,
        slotStart == null ? null : new Appointment(slotStart, slotEnd), device == null ? null : new DeviceId(device),
        serial, arrival, ids.matter(in.getString()));
    t.greenChannel = ids.channel(in.getString());
    t.status = TicketStatus.valueOf(in.getString());
    t.window = ids.window(in.getString());
    t.directedTo = ids.window(in.getString());
    t.recalls = in.getInt();
    t.noShows = in.getInt();
    long record = in.getLong();
    t.record = record == NONE ? null : new ServiceRecordId(record);
    t.calledAt = getInstant(in);
    return t;
  }

  private static void putWindow(Out out, WindowState w) {
    out.putString(w.id().value());
    out.putInt(w.open ? 1 : 0);
    out.putString(w.pausedReason);
    putClerk(out, w.clerk);
    out.putString(w.current == null ? null : w.current.id.value());
    out.putInt(w.greenInARow);
    putCounts(out, w.weights);
    putTickets(out, w.directed);
    out.putInt(w.parked.size());
    w.parked.forEach(t -> out.putString(t.value()));
  }

  private static void getWindow(In in, HallState s, Ids ids) {
    WindowState w = s.windows.get(ids.window(in.getString()));
    w.open = in.getInt() == 1;
    w.pausedReason = in.getString();
    w.clerk = getClerk(in);
    String current = in.getString();
    w.current = current == null ? null : known(s.tickets.get(new TicketId(current)), "ticket");
    w.greenInARow = in.getInt();
    w.weights.clear();
    getCounts(in, w.weights, ids::matter);
    getTickets(in, s, w.directed);
    for (int n = in.getInt(); n > 0; n--) {
      w.parked.add(new TicketId(in.getString()));
    }
  }

  private static void putRecord(Out out, ServiceRecord r) {
    out.putLong(r.id.value());
    out.putString(r.ticket.value());
    out.putString(r.matter.value());
    out.putString(r.window.value());
    putClerk(out, r.clerk);
    putInstant(out, r.startedAt);
    putInstant(out, r.finishedAt);
    putOutcome(out, r.outcome);
    out.putInt(r.rating);
    out.putLong(r.followUp == null ? NONE : r.followUp.callbackDue().toEpochDay());
    out.putLong(r.followUp == null ? NONE : r.followUp.rectifyDue().toEpochDay());
  }

  private static ServiceRecord getRecord(In in, Ids ids) {
    ServiceRecord r = new ServiceRecord(new ServiceRecordId(in.getLong()), new TicketId(in.getString()),
        ids.matter(in.getString()), ids.window(in.getString()), getClerk(in), getInstant(in));
    r.finishedAt = getInstant(in);
    r.outcome = getOutcome(in);
    r.rating = in.getInt();
    long callback = in.getLong();
    long rectify = in.getLong();
    r.followUp = callback == NONE ? null : new FollowUp(LocalDate.ofEpochDay(callback), LocalDate.ofEpochDay(rectify));
    return r;
  }

  private static void putOutcome(Out out, Outcome o) {
    if (o == null) {
      out.putString(null);
    } else if (o instanceof Outcome.Done) {
      out.putString("DONE");
    } else if (o instanceof Outcome.PendingMaterials p) {
      out.putString("PENDING_MATERIALS");
      out.putInt(p.missing().size());
      p.missing().forEach(out::putString);
      out.putLong(p.due().toEpochDay());
    } else if (o instanceof Outcome.Referred r) {
      out.putString("REFERRED");
      out.putString(r.to());
    } else if (o instanceof Outcome.NotDone d) {
      out.putString("NOT_DONE");
      out.putString(d.reason());
    }
  }

  private static Outcome getOutcome(In in) {
    String kind = in.getString();
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "DONE":
        return new Outcome.Done();
      case "PENDING_MATERIALS":
        List<String> missing = new ArrayList<>();
        for (int n = in.getInt(); n > 0; n--) {
          missing.add(in.getString());
        }
        return new Outcome.PendingMaterials(missing, LocalDate.ofEpochDay(in.getLong()));
      case "REFERRED":
        return new Outcome.Referred(in.getString());
      case "NOT_DONE":
        return new Outcome.NotDone(in.getString());
      default:
        throw new IllegalArgumentException("unknown outcome " + kind + " in state image");
    }
  }

  private static void putBlock(Out out, NumberBlock b) {
    out.putLong(b.id);
    out.putString(b.device.value());
    out.putString(b.matter.value());
    out.putString(b.prefix);
    out.putInt(b.from);
    out.putInt(b.to);
    out.putLong(b.day.toEpochDay());
    long[] used = b.used.toLongArray();
    out.putInt(used.length);
    for (long word : used) {
      out.putLong(word);
    }
  }

  private static NumberBlock getBlock(In in, Ids ids) {
    NumberBlock b = new NumberBlock(in.getLong(), new DeviceId(in.getString()), ids.matter(in.getString()),
        in.getString(), in.getInt(), in.getInt(), LocalDate.ofEpochDay(in.getLong()));
    long[] used = new long[in.getInt()];
    for (int i = 0; i < used.length; i++) {
      used[i] = in.getLong();
    }
    b.used.or(BitSet.valueOf(used));
    return b;
  }

  private static void putClerk(Out out, Clerk c) {
    out.putString(c == null ? null : c.staffNo());
    out.putString(c == null ? null : c.name());
  }

  private static Clerk getClerk(In in) {
    String staffNo = in.getString();
    String name = in.getString();
    return staffNo == null ? null : new Clerk(staffNo, name);
  }

  private static void putTickets(Out out, Collection<Ticket> tickets) {
    out.putInt(tickets.size());
    tickets.forEach(t -> out.putString(t.id.value()));
  }

  private static void getTickets(In in, HallState s, Collection<Ticket> into) {
    for (int n = in.getInt(); n > 0; n--) {
      into.add(known(s.tickets.get(new TicketId(in.getString())), "ticket"));
    }
  }

  private static <K> void putCounts(Out out, Map<K, ? extends Number> counts) {
    out.putInt(counts.size());
    counts.forEach((key, value) -> {
      out.putString(key.toString());
      out.putLong(value.longValue());
    });
  }

  private static <K> void getCounts(In in, Map<K, Integer> into, java.util.function.Function<String, K> key) {
    for (int n = in.getInt(); n > 0; n--) {
      into.put(key.apply(in.getString()), Math.toIntExact(in.getLong()));
    }
  }

  private static void putInstant(Out out, Instant at) {
    out.putLong(at == null ? NONE : at.getEpochSecond());
    out.putInt(at == null ? 0 : at.getNano());
  }

  private static Instant getInstant(In in) {
    long seconds = in.getLong();
    int nanos = in.getInt();
    return seconds == NONE ? null : Instant.ofEpochSecond(seconds, nanos);
  }

  private static <T> T known(T found, String what) {
    if (found == null) {
      throw new IllegalArgumentException("state image refers to a " + what + " it does not hold");
    }
    return found;
  }

  /** The configuration's own id objects, so a restored hall shares them as a replayed one does. */
  private static final class Ids {
    private final Map<String, MatterCode> matters = new HashMap<>();
    private final Map<String, WindowId> windows = new HashMap<>();
    private final Map<String, ChannelId> channels = new HashMap<>();

    Ids(HallConfig config) {
      config.matters().keySet().forEach(m -> matters.put(m.value(), m));
      config.windows().keySet().forEach(w -> windows.put(w.value(), w));
      config.greenChannels().keySet().forEach(c -> channels.put(c.value(), c));
    }

    MatterCode matter(String code) {
      return find(matters, code, "matter");
    }

    WindowId window(String id) {
      return find(windows, id, "window");
    }

    ChannelId channel(String id) {
      return find(channels, id, "green channel");
    }

    private static <T> T find(Map<String, T> known, String id, String what) {
      if (id == null) {
        return null;
      }
      T found = known.get(id);
      if (found == null) {
        throw new IllegalArgumentException("state image names " + what + " " + id + ", which this hall does not have");
      }
      return found;
    }
  }
}
