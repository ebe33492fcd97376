package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.Appointment;
import cn.suixin.hall.engine.Clerk;
import cn.suixin.hall.engine.FollowUp;
import cn.suixin.hall.engine.HallImage;
import cn.suixin.hall.engine.HallImage.BlockImage;
import cn.suixin.hall.engine.HallImage.QueueImage;
import cn.suixin.hall.engine.HallImage.RecordImage;
import cn.suixin.hall.engine.HallImage.TicketImage;
import cn.suixin.hall.engine.HallImage.WindowImage;
import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.TicketSource;
import cn.suixin.hall.engine.TicketStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads the engine's positional state image, version 2, that snapshots of layout 1 hold (the engine
 * wrote it itself before it exported {@link HallImage}s), so the first start after an upgrade still
 * begins at its snapshot. Read only, never written: it is frozen as it was.
 */
final class StateImageV2 {
  static final int VERSION = 2;
  private static final long NONE = Long.MIN_VALUE;

  private StateImageV2() {}

  static HallImage read(ImageReader in) {
    int version = in.getInt();
    if (version != VERSION) {
      throw new IllegalArgumentException(
          "state image version " + version + ", this server reads " + VERSION);
    }
    String hall = in.getString();
    long day = in.getLong();
    long seq = in.getLong();
    Instant lastAt = instant(in);
    long nextSerial = in.getLong();
    long nextRecord = in.getLong();
    long nextBlock = in.getLong();
    String notice = in.getString();
    long lost = in.getLong();
    long skipped = in.getLong();
    Map<String, Integer> numbers = counts(in);
    Map<String, Integer> byMatter = counts(in);
    Map<String, Integer> byChannel = counts(in);
    Map<String, String> persons = pairs(in, ImageReader::getString);
    Map<String, String> clerks = pairs(in, ImageReader::getString);
    Map<String, Long> serviceMillis = pairs(in, ImageReader::getLong);
    List<TicketImage> tickets = list(in, StateImageV2::ticket);
    List<QueueImage> queues = list(in, r -> new QueueImage(r.getString(), ids(r), ids(r), ids(r)));
    List<WindowImage> windows = list(in, StateImageV2::window);
    List<RecordImage> records = list(in, StateImageV2::record);
    List<BlockImage> blocks = list(in, StateImageV2::block);
    List<Long> finished = list(in, ImageReader::getLong);
    return new HallImage(
        hall,
        day == NONE ? null : LocalDate.ofEpochDay(day),
        seq,
        lastAt,
        nextSerial,
        nextRecord,
        nextBlock,
        notice,
        lost,
        skipped,
        numbers,
        byMatter,
        byChannel,
        persons,
        clerks,
        serviceMillis,
        tickets,
        queues,
        windows,
        records,
        blocks,
        finished);
  }

  private static TicketImage ticket(ImageReader in) {
    String id = in.getString();
    String number = in.getString();
    TicketSource source = TicketSource.valueOf(in.getString());
    int partySize = in.getInt();
    String person = in.getString();
    Instant slotStart = instant(in);
    Instant slotEnd = instant(in);
    String device = in.getString();
    long serial = in.getLong();
    Instant arrival = instant(in);
    String matter = in.getString();
    String green = in.getString();
    TicketStatus status = TicketStatus.valueOf(in.getString());
    String window = in.getString();
    String directedTo = in.getString();
    int recalls = in.getInt();
    int noShows = in.getInt();
    long record = in.getLong();
    Instant calledAt = instant(in);
    return new TicketImage(
        id,
        number,
        source,
        partySize,
        person,
        slotStart == null ? null : new Appointment(slotStart, slotEnd),
        device,
        serial,
        arrival,
        matter,
        green,
        status,
        window,
        directedTo,
        recalls,
        noShows,
        record == NONE ? null : record,
        calledAt);
  }

  private static WindowImage window(ImageReader in) {
    String id = in.getString();
    boolean open = in.getInt() == 1;
    String paused = in.getString();
    Clerk clerk = clerk(in);
    String current = in.getString();
    int greenInARow = in.getInt();
    Map<String, Integer> weights = counts(in);
    List<String> directed = ids(in);
    List<String> parked = ids(in);
    return new WindowImage(
        id, open, paused, clerk, current, greenInARow, weights, directed, parked);
  }

  private static RecordImage record(ImageReader in) {
    long id = in.getLong();
    String ticket = in.getString();
    String matter = in.getString();
    String window = in.getString();
    Clerk clerk = clerk(in);
    Instant started = instant(in);
    Instant finished = instant(in);
    Outcome outcome = outcome(in);
    int rating = in.getInt();
    long callback = in.getLong();
    long rectify = in.getLong();
    return new RecordImage(
        id,
        ticket,
        matter,
        window,
        clerk,
        started,
        finished,
        outcome,
        rating,
        callback == NONE
            ? null
            : new FollowUp(LocalDate.ofEpochDay(callback), LocalDate.ofEpochDay(rectify)));
  }

  private static Outcome outcome(ImageReader in) {
    String kind = in.getString();
    if (kind == null) {
      return null;
    }
    switch (kind) {
      case "DONE":
        return new Outcome.Done();
      case "PENDING_MATERIALS":
        List<String> missing = list(in, ImageReader::getString);
        return new Outcome.PendingMaterials(missing, LocalDate.ofEpochDay(in.getLong()));
      case "REFERRED":
        return new Outcome.Referred(in.getString());
      case "NOT_DONE":
        return new Outcome.NotDone(in.getString());
      default:
        throw new IllegalArgumentException("unknown outcome " + kind + " in state image");
    }
  }

  private static BlockImage block(ImageReader in) {
    long id = in.getLong();
    String device = in.getString();
    String matter = in.getString();
    String prefix = in.getString();
    int from = in.getInt();
    int to = in.getInt();
    LocalDate day = LocalDate.ofEpochDay(in.getLong());
    return new BlockImage(
        id, device, matter, prefix, from, to, day, list(in, ImageReader::getLong));
  }

  private static Clerk clerk(ImageReader in) {
    String staffNo = in.getString();
    String name = in.getString();
    return staffNo == null ? null : new Clerk(staffNo, name);
  }

  private static List<String> ids(ImageReader in) {
    return list(in, ImageReader::getString);
  }

  private static Map<String, Integer> counts(ImageReader in) {
    return pairs(in, r -> Math.toIntExact(r.getLong()));
  }

  private static <V> Map<String, V> pairs(ImageReader in, Function<ImageReader, V> value) {
    Map<String, V> map = new LinkedHashMap<>();
    for (int n = in.getInt(); n > 0; n--) {
      map.put(in.getString(), value.apply(in));
    }
    return map;
  }

  private static <T> List<T> list(ImageReader in, Function<ImageReader, T> item) {
    int n = in.getInt();
    List<T> list = new ArrayList<>(Math.max(0, Math.min(n, 1 << 16)));
    for (; n > 0; n--) {
      list.add(item.apply(in));
    }
    return list;
  }

  private static Instant instant(ImageReader in) {
    long seconds = in.getLong();
    int nanos = in.getInt();
    return seconds == NONE ? null : Instant.ofEpochSecond(seconds, nanos);
  }
}
