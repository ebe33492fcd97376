package cn.suixin.agent.pad;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming receiver for pad frames fed in chunks of any size. On a bad length or CRC it drops only
 * the start byte and rescans, so a frame hidden behind a corrupt one is still found. Time comes in
 * with each chunk; more than 50 ms of silence abandons a partial frame.
 */
public final class PadFrameDecoder {

  public static final long GAP_RESET_MILLIS = 50;
  private static final int MIN_LEN = 4;
  private static final int MAX_LEN = 4 + PadFrame.MAX_PAYLOAD;

  private byte[] buf = new byte[512];
  private int size;
  private long lastByteAt = Long.MIN_VALUE;
  private boolean inGarbage;
  private boolean resyncing;

  /** Feeds bytes that all arrived at the same moment (no gap handling). */
  public List<PadDecodeEvent> parse(byte[] data, int length) {
    return parse(data, length, lastByteAt == Long.MIN_VALUE ? 0 : lastByteAt);
  }

  /** Feeds bytes that arrived at {@code nowMillis} (any monotonic clock). */
  public List<PadDecodeEvent> parse(byte[] data, int length, long nowMillis) {
    List<PadDecodeEvent> events = new ArrayList<>();
    if (size > 0 && lastByteAt != Long.MIN_VALUE && nowMillis - lastByteAt > GAP_RESET_MILLIS) {
      if (!inGarbage) {
        events.add(new PadDecodeEvent.Error(PadDecodeError.GAP_RESET));
      }
      size = 0;
      inGarbage = false;
      resyncing = false;
    }
    if (length > 0) {
      lastByteAt = nowMillis;
    }
    append(data, length);
    scan(events);
    return events;
  }

  private void scan(List<PadDecodeEvent> events) {
    int pos = 0;
    while (pos < size) {
      if ((buf[pos] & 0xFF) != PadFrameEncoder.START) {
        if (!inGarbage && !resyncing) {
          events.add(new PadDecodeEvent.Error(PadDecodeError.GARBAGE));
        }
        inGarbage = true;
        pos++;
        continue;
      }
      inGarbage = false;
      if (size - pos < 2) {
        break;
      }
      int len = buf[pos + 1] & 0xFF;
      if (len < MIN_LEN || len > MAX_LEN) {
        pos = dropStartByte(events, PadDecodeError.BAD_LENGTH, pos);
        continue;
      }
      if (size - pos < len + 4) {
        break;
      }
      int crc = Crc16Modbus.compute(buf, pos + 1, len + 1);
      int got = (buf[pos + len + 2] & 0xFF) | (buf[pos + len + 3] & 0xFF) << 8;
      if (crc != got) {
        pos = dropStartByte(events, PadDecodeError.BAD_CRC, pos);
        continue;
      }
      byte[] payload = Arrays.copyOfRange(buf, pos + 6, pos + len + 2);
      events.add(
          new PadDecodeEvent.Frame(
              new PadFrame(
                  buf[pos + 2] & 0xFF,
                  buf[pos + 3] & 0xFF,
                  buf[pos + 4] & 0xFF,
                  buf[pos + 5] & 0xFF,
                  payload)));
      resyncing = false;
      pos += len + 4;
    }
    System.arraycopy(buf, pos, buf, 0, size - pos);
    size -= pos;
  }

  /** The rest of a rejected frame is not reported again as garbage. */
  private int dropStartByte(List<PadDecodeEvent> events, PadDecodeError error, int pos) {
    events.add(new PadDecodeEvent.Error(error));
    resyncing = true;
    return pos + 1;
  }

  private void append(byte[] data, int length) {
    if (size + length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + length));
    }
    System.arraycopy(data, 0, buf, size, length);
    size += length;
  }
}
