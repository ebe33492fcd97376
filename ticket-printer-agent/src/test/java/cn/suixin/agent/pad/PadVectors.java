package cn.suixin.agent.pad;

import cn.suixin.agent.Hex;
import java.util.List;

/** The test vectors of DEVICES.md, frame by frame. */
final class PadVectors {

  record Vector(String name, PadFrame frame, byte[] wire) {}

  static final List<Vector> ALL =
      List.of(
          new Vector(
              "PING",
              PadFrame.of(0x01, 0x03, PadFrameType.PING),
              Hex.bytes("AA 04 01 01 03 01 44 CC")),
          new Vector(
              "CALL",
              PadFrame.of(0x02, 0x03, PadFrameType.CALL, PadPayloads.call("A001", 3)),
              Hex.bytes("AA 0B 01 02 03 11 04 41 30 30 31 03 00 A4 35")),
          new Vector(
              "REQUEST",
              PadFrame.of(
                  0x03, 0x03, PadFrameType.REQUEST_RATING, PadPayloads.requestRating(0x12345, 30)),
              Hex.bytes("AA 09 01 03 03 12 45 23 01 00 1E CA 5C")),
          new Vector(
              "ACK3",
              PadFrame.of(0x03, 0x03, PadFrameType.ACK, (byte) 0),
              Hex.bytes("AA 05 01 03 03 7F 00 ED FA")),
          new Vector(
              "RATING",
              PadFrame.of(
                  0x42,
                  0x03,
                  PadFrameType.RATING,
                  PadPayloads.rating(new PadRating(0x12345, 5, 0))),
              Hex.bytes("AA 0B 01 42 03 90 45 23 01 00 05 00 00 05 F1")),
          new Vector(
              "ACK42",
              PadFrame.of(0x42, 0x03, PadFrameType.ACK, (byte) 0),
              Hex.bytes("AA 05 01 42 03 7F 00 F9 C6")));

  private PadVectors() {}

  static byte[] concatenated() {
    int n = ALL.stream().mapToInt(v -> v.wire().length).sum();
    byte[] out = new byte[n];
    int pos = 0;
    for (Vector v : ALL) {
      System.arraycopy(v.wire(), 0, out, pos, v.wire().length);
      pos += v.wire().length;
    }
    return out;
  }
}
