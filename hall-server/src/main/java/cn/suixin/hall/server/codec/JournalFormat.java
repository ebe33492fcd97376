package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.SequencedEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * A journal record as the hall owner writes it: the event's JSON ({@link EventCodec}), the
 * command's {@code meta} on the last event of a command, and {@code "v"}, the journal format
 * version it was written in. The version travels in every record rather than once per file or
 * stream, so a journal copied between stores, repaired, or appended to by a newer server after an
 * older one still says of each record how to read it.
 *
 * <p>Records written before the version existed carry none and read as version 1. A record of a
 * version this server does not know was written by a newer server: it is refused, not guessed at.
 */
public final class JournalFormat {
  /** The version this server writes; bump it when an old reader could misread a new record. */
  public static final int VERSION = 1;

  /** Every version this server reads. */
  static final int OLDEST = 1;

  /** The field holding the version; the event codec must never use this name. */
  static final String FIELD = "v";

  /** A record read back: the event and the meta that travelled with it, if any. */
  public record Read(SequencedEvent event, JsonObject meta) {}

  private JournalFormat() {}

  /** The bytes of one journal record. */
  public static byte[] write(SequencedEvent event, JsonObject meta) {
    JsonObject json = EventCodec.encode(event).put(FIELD, VERSION);
    if (meta != null && !meta.isEmpty()) {
      json.put("meta", meta);
    }
    return json.toBuffer().getBytes();
  }

  /**
   * Reads one journal record.
   *
   * @throws UnknownJournalFormatException when a newer server wrote it
   * @throws RuntimeException when it is no record of any version: damage
   */
  public static Read read(byte[] payload) {
    JsonObject json = Buffer.buffer(payload).toJsonObject();
    Object field = json.getValue(FIELD);
    if (field != null) {
      if (!(field instanceof Integer || field instanceof Long)) {
        throw new IllegalArgumentException(
            "its format version " + field + " is not a whole number");
      }
      long version = ((Number) field).longValue();
      if (version < OLDEST) {
        throw new IllegalArgumentException(
            "it names format version " + version + ", which was never written");
      }
      if (version > VERSION) {
        throw new UnknownJournalFormatException(json.getLong("seq", 0L), version, VERSION);
      }
    }
    return new Read(EventCodec.decode(json), json.getJsonObject("meta"));
  }
}
