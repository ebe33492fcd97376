package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.store.JournalEvents;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The server's side of {@code journal check} and {@code journal repair}: whether a record is an
 * event of its seq, and the lost-event marker put in place of one that was damaged, dated like
 * the event before it so the hall's clock never runs backwards on replay.
 */
public final class JournalEventCodec implements JournalEvents {

  @Override
  public String problem(long seq, byte[] payload) {
    try {
      long said = EventCodec.decode(Buffer.buffer(payload)).seq();
      return said == seq ? null : "says it is seq " + said;
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
    return EventCodec.toBuffer(new SequencedEvent(seq, at == null ? Instant.EPOCH : at, new HallEvent.EventLost(reason)),
        null).getBytes();
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
