package cn.suixin.hall.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The on-disk framing shared by the journal and the record log: {@code magic:int | length:int |
 * seq:long | crc:int | payload}, big-endian, where the CRC32C covers the first 16 header bytes and
 * the payload. A torn write leaves either a short frame or a CRC mismatch, so the first bad frame
 * marks where a crashed writer stopped.
 */
final class Frames {

  static final int HEADER = 20;
  private static final int CHECKED_HEADER = 16;

  /** Far above any event; a larger length field means garbage, not a real frame. */
  static final int MAX_PAYLOAD = 16 * 1024 * 1024;

  private Frames() {}

  static int size(byte[] payload) {
    return HEADER + payload.length;
  }

  /** Writes one frame at the buffer's position; the buffer must be heap-backed. */
  static void encode(ByteBuffer out, int magic, long seq, byte[] payload) {
    int start = out.position();
    out.putInt(magic).putInt(payload.length).putLong(seq);
    CRC32C crc = new CRC32C();
    crc.update(out.array(), out.arrayOffset() + start, CHECKED_HEADER);
    crc.update(payload);
    out.putInt((int) crc.getValue()).put(payload);
  }

  static byte[] encode(int magic, long seq, byte[] payload) {
    ByteBuffer out = ByteBuffer.allocate(size(payload));
    encode(out, magic, seq, payload);
    return out.array();
  }

  /**
   * Decodes the frame starting at {@code base} of a heap array holding {@code available} bytes from
   * there; {@code null} when the bytes are short, foreign or fail the checksum.
   */
  static Frame decode(byte[] bytes, int base, int available, int magic, long fileOffset) {
    if (available < HEADER) {
      return null;
    }
    ByteBuffer view = ByteBuffer.wrap(bytes);
    int length = view.getInt(base + 4);
    if (view.getInt(base) != magic
        || length < 0
        || length > MAX_PAYLOAD
        || available < HEADER + length) {
      return null;
    }
    CRC32C crc = new CRC32C();
    crc.update(bytes, base, CHECKED_HEADER);
    crc.update(bytes, base + HEADER, length);
    if ((int) crc.getValue() != view.getInt(base + CHECKED_HEADER)) {
      return null;
    }
    byte[] payload = new byte[length];
    System.arraycopy(bytes, base + HEADER, payload, 0, length);
    return new Frame(view.getLong(base + 8), payload, fileOffset);
  }
}
