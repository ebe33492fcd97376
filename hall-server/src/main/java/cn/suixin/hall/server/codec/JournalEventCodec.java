package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.store.JournalEvents;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The server's side of {@code journal check} and {@code journal repair}: whether a record is an
 * event of its seq, and the lost-event marker put in place of one that was damaged, dated like the
 * event before it so the hall's clock never runs backwards on replay.
 */
public final class JournalEventCodec implements JournalEvents {

  @Override
  public String problem(long seq, byte[] payload) {
    try {
      long said = JournalFormat.read(payload).event().seq();
      return said == seq ? null : "says it is seq " + said;
    } catch (UnknownJournalFormatException e) {
      return "is in journal format version "
          + e.version()
          + ", newer than this server reads ("
          + e.newestKnown()
          + "): not damage, check it with a newer server";
    } catch (RuntimeException e) {
      return "does not decode (" + e.getMessage() + ")";
    }
  }

  @Override
  public byte[] lostEvent(long seq, byte[] before, byte[] after, String reason) {
    Instant at = at(before);
    if (at == null) {
      at = at(after);
    }
    return JournalFormat.write(
        new SequencedEvent(seq, at == null ? Instant.EPOCH : at, new HallEvent.EventLost(reason)),
        null);
  }

  private static Instant at(byte[] payload) {
    if (payload == null) {
      return null;
    }
    try {
      return Instant.parse(new JsonObject(Buffer.buffer(payload)).getString("at"));
    } catch (RuntimeException e) {
      return null;
    }
  }
}
