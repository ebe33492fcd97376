package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.JournalDamagedException;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.redis.client.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * How one event sits in a hall's stream: id {@code <seq>-0}, field {@code e} the event and field
 * {@code c} the CRC32C of {@code e} in hex. Redis keeps no checksum of its own in its append-only
 * file, so without {@code c} a byte flipped on its disk would replay as a different event. Entries
 * written before {@code c} existed carry only {@code e} and are taken as they are.
 */
final class StreamEntry {

  private static final Pattern ID = Pattern.compile("(\\d{1,18})-0");

  private StreamEntry() {}

  static String crc(byte[] payload) {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    return String.format("%08x", crc.getValue());
  }

  /** The seq of an entry id, or -1 when the id is not one this journal writes. */
  static long seqOf(String id) {
    Matcher m = ID.matcher(id);
    return m.matches() ? Long.parseLong(m.group(1)) : -1;
  }

  /**
   * The entry read back from an XRANGE reply item, which must hold {@code expectedSeq}; anything
   * else is damage, refused with where it is and what is wrong.
   */
  static JournalEntry read(String hall, String key, Response item, long expectedSeq) {
    String id = item.get(0).toString();
    long seq = seqOf(id);
    if (seq != expectedSeq) {
      throw JournalDamagedException.inStream(
          hall,
          key,
          id,
          expectedSeq,
          seq > expectedSeq
              ? "found " + id + ": the entries before it are missing"
              : "found " + id + ", an id this journal never writes");
    }
    String problem = problem(item.get(1));
    if (problem != null) {
      throw JournalDamagedException.inStream(hall, key, id, expectedSeq, problem);
    }
    return new JournalEntry(seq, payload(item.get(1)));
  }

  /**
   * What is wrong with an entry's fields, or {@code null} when they are what this journal writes.
   */
  static String problem(Response fields) {
    byte[] payload = null;
    String crc = null;
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String name = fields.get(i).toString();
      if (name.equals("e") && payload == null) {
        payload = fields.get(i + 1).toBytes();
      } else if (name.equals("c") && crc == null) {
        crc = fields.get(i + 1).toString();
      } else {
        return "it has a field " + name + " this journal never writes";
      }
    }
    if (payload == null) {
      return "it holds no event (field e)";
    }
    return crc != null && !crc.equals(crc(payload))
        ? "its event fails its checksum (field c)"
        : null;
  }

  /** The event of an entry whose fields passed {@link #problem}. */
  static byte[] payload(Response fields) {
    return fields.get(1).toBytes();
  }
}
