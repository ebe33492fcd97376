package cn.suixin.agent.pad;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Payload layouts of the pad frame types; multi-byte numbers are little-endian. */
public final class PadPayloads {

  private PadPayloads() {}

  public static byte[] showStaff(long staffId, String name) {
    byte[] n = truncate(name.getBytes(StandardCharsets.UTF_8), PadFrame.MAX_PAYLOAD - 5);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u32(out, staffId);
    out.write(n.length);
    out.writeBytes(n);
    return out.toByteArray();
  }

  public static byte[] call(String ticket, int window) {
    byte[] t = truncate(ticket.getBytes(StandardCharsets.US_ASCII), 32);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(t.length);
    out.writeBytes(t);
    u16(out, window);
    return out.toByteArray();
  }

  public static byte[] requestRating(long recordId, int timeoutSeconds) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u32(out, recordId);
    out.write(Math.min(255, Math.max(0, timeoutSeconds)));
    return out.toByteArray();
  }

  public static byte[] recordId(long recordId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u32(out, recordId);
    return out.toByteArray();
  }

  public static byte[] rating(PadRating r) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u32(out, r.recordId());
    out.write(r.level());
    u16(out, r.reasons());
    return out.toByteArray();
  }

  public static byte[] status(int firmware, int flags) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    u16(out, firmware);
    out.write(flags);
    return out.toByteArray();
  }

  public static Optional<PadRating> parseRating(byte[] p) {
    if (p.length != 7) {
      return Optional.empty();
    }
    return Optional.of(
        new PadRating(readU32(p, 0), p[4] & 0xFF, (p[5] & 0xFF) | (p[6] & 0xFF) << 8));
  }

  public static Optional<Long> parseRecordId(byte[] p) {
    return p.length == 4 ? Optional.of(readU32(p, 0)) : Optional.empty();
  }

  static long readU32(byte[] p, int o) {
    return (p[o] & 0xFFL)
        | (p[o + 1] & 0xFFL) << 8
        | (p[o + 2] & 0xFFL) << 16
        | (p[o + 3] & 0xFFL) << 24;
  }

  private static void u32(ByteArrayOutputStream out, long v) {
    for (int i = 0; i < 4; i++) {
      out.write((int) (v >>> (8 * i)) & 0xFF);
    }
  }

  private static void u16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write((v >>> 8) & 0xFF);
  }

  private static byte[] truncate(byte[] b, int max) {
    return b.length <= max ? b : java.util.Arrays.copyOf(b, max);
  }
}
