package cn.suixin.agent.pad;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One rating pad frame without its AA, LEN and CRC framing.
 *
 * @param version protocol version, 1
 * @param seq sequence number; in ACK/NAK the SEQ of the frame answered
 * @param addr pad address on the bus
 * @param type see {@link PadFrameType}
 * @param payload 0..240 bytes
 */
public record PadFrame(int version, int seq, int addr, int type, byte[] payload) {

  public static final int VERSION = 1;
  public static final int MAX_PAYLOAD = 240;

  public PadFrame {
    payload = payload.clone();
    if (payload.length > MAX_PAYLOAD) {
      throw new IllegalArgumentException("payload over 240 bytes: " + payload.length);
    }
    checkByte("version", version);
    checkByte("seq", seq);
    checkByte("addr", addr);
    checkByte("type", type);
  }

  public static PadFrame of(int seq, int addr, int type, byte... payload) {
    return new PadFrame(VERSION, seq, addr, type, payload);
  }

  @Override
  public byte[] payload() {
    return payload.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PadFrame f
        && f.version == version
        && f.seq == seq
        && f.addr == addr
        && f.type == type
        && Arrays.equals(f.payload, payload);
  }

  @Override
  public int hashCode() {
    return ((version * 31 + seq) * 31 + addr) * 31 + type + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return String.format(
        "PadFrame[ver=%d seq=%02X addr=%02X type=%02X payload=%s]",
        version, seq, addr, type, HexFormat.of().formatHex(payload));
  }

  private static void checkByte(String name, int v) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException(name + " must fit in a byte: " + v);
    }
  }
}
