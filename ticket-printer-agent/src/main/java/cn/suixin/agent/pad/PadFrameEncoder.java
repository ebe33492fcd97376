package cn.suixin.agent.pad;

/** Frames a pad message: AA LEN VER SEQ ADDR TYPE PAYLOAD CRClo CRChi. */
public final class PadFrameEncoder {

  public static final int START = 0xAA;

  private PadFrameEncoder() {}

  public static byte[] encode(PadFrame f) {
    byte[] payload = f.payload();
    int len = 4 + payload.length;
    byte[] out = new byte[len + 4];
    out[0] = (byte) START;
    out[1] = (byte) len;
    out[2] = (byte) f.version();
    out[3] = (byte) f.seq();
    out[4] = (byte) f.addr();
    out[5] = (byte) f.type();
    System.arraycopy(payload, 0, out, 6, payload.length);
    int crc = Crc16Modbus.compute(out, 1, len + 1);
    out[len + 2] = (byte) crc;
    out[len + 3] = (byte) (crc >>> 8);
    return out;
  }
}
