package cn.suixin.hall.engine;

import cn.suixin.hall.engine.HallImage.BlockImage;
import cn.suixin.hall.engine.HallImage.QueueImage;
import cn.suixin.hall.engine.HallImage.RecordImage;
import cn.suixin.hall.engine.HallImage.TicketImage;
import cn.suixin.hall.engine.HallImage.WindowImage;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Turns a hall's state into a {@link HallImage} and back. */
final class HallImages {
  private HallImages() {}

  static HallImage export(HallState s) {
    return new HallImage(
        s.config.id().value(),
        s.day,
        s.seq,
        s.lastAt,
        s.nextSerial,
        s.nextRecord,
        s.nextBlock,
        s.notice,
        s.lostEvents,
        s.eventsSkippedAfterLoss,
        counts(s.lastNumberByPrefix),
        counts(s.issuedByMatter),
        counts(s.issuedByChannel),
        texts(s.activeByPerson, TicketId::value),
        texts(s.windowByClerk, WindowId::value),
        keyed(s.serviceMillis, Function.identity()),
        map(s.tickets.values(), HallImages::ticket),
        s.queues.entrySet().stream()
            .map(
                e ->
                    new QueueImage(
                        e.getKey().value(),
                        ids(e.getValue().regular),
                        ids(e.getValue().green),
                        ids(e.getValue().appointments)))
            .toList(),
        map(s.windows.values(), HallImages::window),
        map(s.records.values(), HallImages::record),
        map(s.blocks.values(), HallImages::block),
        map(s.finishedToday, r -> r.id.value()));
  }

  static HallState restore(HallConfig config, HallImage image) {
    if (!config.id().value().equals(image.hall())) {
      throw new IllegalArgumentException(
          "state image of hall " + image.hall() + ", not " + config.id().value());
    }
    Ids ids = new Ids(config);
    HallState s = new HallState(config);
    s.day = image.day();
    s.seq = image.seq();
    s.lastAt = image.lastAt();
    s.nextSerial = image.nextSerial();
    s.nextRecord = image.nextRecord();
    s.nextBlock = image.nextBlock();
    s.notice = image.notice();
    s.lostEvents = image.lostEvents();
    s.eventsSkippedAfterLoss = image.eventsSkippedAfterLoss();
    s.lastNumberByPrefix.putAll(image.lastNumberByPrefix());
    image.issuedByMatter().forEach((m, n) -> s.issuedByMatter.put(ids.matter(m), n));
    image.issuedByChannel().forEach((c, n) -> s.issuedByChannel.put(ids.channel(c), n));
    image.activeByPerson().forEach((person, t) -> s.activeByPerson.put(person, new TicketId(t)));
    image.windowByClerk().forEach((clerk, w) -> s.windowByClerk.put(clerk, ids.window(w)));
    image.serviceMillis().forEach((m, millis) -> s.serviceMillis.put(ids.matter(m), millis));
    for (TicketImage t : image.tickets()) {
      s.tickets.put(new TicketId(t.id()), ticket(t, ids));
    }
    for (QueueImage q : image.queues()) {
      MatterQueue queue = s.queues.get(ids.matter(q.matter()));
      tickets(s, q.regular(), queue.regular);
      tickets(s, q.green(), queue.green);
      tickets(s, q.appointments(), queue.appointments);
    }
    for (WindowImage w : image.windows()) {
      window(s, w, ids);
    }
    for (RecordImage r : image.records()) {
      s.records.put(r.id(), record(r, ids));
    }
    for (BlockImage b : image.blocks()) {
      s.blocks.put(b.id(), block(b, ids));
    }
    for (long id : image.finishedToday()) {
      s.finishedToday.add(known(s.records.get(id), "record"));
    }
    return s;
  }

  private static TicketImage ticket(Ticket t) {
    return new TicketImage(
        t.id.value(),
        t.number,
        t.source,
        t.partySize,
        t.personHash,
        t.appointment,
        t.device == null ? null : t.device.value(),
        t.serial,
        t.arrival,
        t.matter.value(),
        text(t.greenChannel),
        t.status,
        text(t.window),
        text(t.directedTo),
        t.recalls,
        t.noShows,
        t.record == null ? null : t.record.value(),
        t.calledAt);
  }

  private static Ticket ticket(TicketImage i, Ids ids) {
    Ticket t =
        new Ticket(
            new TicketId(i.id()),
            i.number(),
            i.source(),
            i.partySize(),
            i.personHash(),
            i.appointment(),
            i.device() == null ? null : new DeviceId(i.device()),
            i.serial(),
            i.arrival(),
            ids.matter(i.matter()));
    t.greenChannel = ids.channel(i.greenChannel());
    t.status = i.status();
    t.window = ids.window(i.window());
    t.directedTo = ids.window(i.directedTo());
    t.recalls = i.recalls();
    t.noShows = i.noShows();
    t.record = i.record() == null ? null : new ServiceRecordId(i.record());
    t.calledAt = i.calledAt();
    return t;
  }

  private static WindowImage window(WindowState w) {
    return new WindowImage(
        w.id().value(),
        w.open,
        w.pausedReason,
        w.clerk,
        w.current == null ? null : w.current.id.value(),
        w.greenInARow,
        keyed(w.weights, Function.identity()),
        ids(w.directed),
        map(w.parked, TicketId::value));
  }

  private static void window(HallState s, WindowImage i, Ids ids) {
    WindowState w = s.windows.get(ids.window(i.id()));
    w.open = i.open();
    w.pausedReason = i.pausedReason();
    w.clerk = i.clerk();
    w.current =
        i.current() == null ? null : known(s.tickets.get(new TicketId(i.current())), "ticket");
    w.greenInARow = i.greenInARow();
    w.weights.clear();
    i.weights().forEach((m, weight) -> w.weights.put(ids.matter(m), weight));
    tickets(s, i.directed(), w.directed);
    i.parked().forEach(t -> w.parked.add(new TicketId(t)));
  }

  private static RecordImage record(ServiceRecord r) {
    return new RecordImage(
        r.id.value(),
        r.ticket.value(),
        r.matter.value(),
        r.window.value(),
        r.clerk,
        r.startedAt,
        r.finishedAt,
        r.outcome,
        r.rating,
        r.followUp);
  }

  private static ServiceRecord record(RecordImage i, Ids ids) {
    ServiceRecord r =
        new ServiceRecord(
            new ServiceRecordId(i.id()),
            new TicketId(i.ticket()),
            ids.matter(i.matter()),
            ids.window(i.window()),
            i.clerk(),
            i.startedAt());
    r.finishedAt = i.finishedAt();
    r.outcome = i.outcome();
    r.rating = i.rating();
    r.followUp = i.followUp();
    return r;
  }

  private static BlockImage block(NumberBlock b) {
    List<Long> used = new ArrayList<>();
    for (long word : b.used.toLongArray()) {
      used.add(word);
    }
    return new BlockImage(
        b.id, b.device.value(), b.matter.value(), b.prefix, b.from, b.to, b.day, used);
  }

  private static NumberBlock block(BlockImage i, Ids ids) {
    NumberBlock b =
        new NumberBlock(
            i.id(),
            new DeviceId(i.device()),
            ids.matter(i.matter()),
            i.prefix(),
            i.from(),
            i.to(),
            i.day());
    b.used.or(BitSet.valueOf(i.used().stream().mapToLong(Long::longValue).toArray()));
    return b;
  }

  private static List<String> ids(Collection<Ticket> tickets) {
    return map(tickets, t -> t.id.value());
  }

  private static void tickets(HallState s, List<String> ids, Collection<Ticket> into) {
    for (String id : ids) {
      into.add(known(s.tickets.get(new TicketId(id)), "ticket"));
    }
  }

  private static <K> Map<String, Integer> counts(Map<K, Integer> counts) {
    return keyed(counts, Function.identity());
  }

  private static <K, V> Map<String, String> texts(Map<K, V> values, Function<V, String> text) {
    Map<String, String> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k.toString(), text.apply(v)));
    return out;
  }

  /** In the map's own order: a window's weights keep theirs, as a replay would. */
  private static <K, V, W> Map<String, W> keyed(Map<K, V> values, Function<V, W> value) {
    Map<String, W> out = new LinkedHashMap<>();
    values.forEach((k, v) -> out.put(k.toString(), value.apply(v)));
    return out;
  }

  private static <T, R> List<R> map(Collection<T> items, Function<T, R> f) {
    List<R> out = new ArrayList<>(items.size());
    items.forEach(t -> out.add(f.apply(t)));
    return out;
  }

  private static String text(Object id) {
    return id == null ? null : id.toString();
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
        throw new IllegalArgumentException(
            "state image names " + what + " " + id + ", which this hall does not have");
      }
      return found;
    }
  }
}
