package cn.suixin.hall.store;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * How a {@link HallSnapshot} is kept, in a file or a Redis value alike: {@code magic:8 | seq:long |
 * length:int | crc32c:int | image}, big-endian. The magic is {@code "SXSNAP"} followed by a
 * two-byte format version, so a file of another kind or a later format is told apart from damage.
 * The CRC32C covers the image.
 */
public final class SnapshotFrame {

  public static final int HEADER = 24;
  static final int VERSION = 1;
  private static final long MAGIC_PREFIX = 0x5358_534E_4150L; // "SXSNAP"

  private SnapshotFrame() {}

  /** The header for this snapshot; the image follows it unchanged. */
  public static ByteBuffer header(HallSnapshot snapshot) {
    byte[] image = snapshot.image();
    return ByteBuffer.allocate(HEADER)
        .putLong(MAGIC_PREFIX << 16 | VERSION)
        .putLong(snapshot.seq())
        .putInt(image.length)
        .putInt(checksum(image))
        .flip();
  }

  /** Reads the header at the buffer's position, checking everything but the image itself. */
  public static Header readHeader(ByteBuffer in) throws Damaged {
    if (in.remaining() < HEADER) {
      throw new Damaged(
          "only " + in.remaining() + " bytes, shorter than the " + HEADER + "-byte header");
    }
    long magic = in.getLong();
    if (magic >>> 16 != MAGIC_PREFIX) {
      throw new Damaged(String.format("wrong magic 0x%016x, not a Suixin snapshot", magic));
    }
    int version = (int) (magic & 0xFFFF);
    if (version != VERSION) {
      throw new Damaged("format version " + version + ", this server reads version " + VERSION);
    }
    Header header = new Header(in.getLong(), in.getInt(), in.getInt());
    if (header.seq() < 1) {
      throw new Damaged("seq " + header.seq() + " in the header");
    }
    if (header.length() < 0) {
      throw new Damaged("negative image length " + header.length());
    }
    return header;
  }

  /** A whole frame, as held in a Redis value. */
  public static HallSnapshot decode(ByteBuffer framed) throws Damaged {
    Header header = readHeader(framed);
    header.expectImageBytes(framed.remaining());
    byte[] image = new byte[header.length()];
    framed.get(image);
    return header.snapshot(image);
  }

  private static int checksum(byte[] image) {
    CRC32C crc = new CRC32C();
    crc.update(image);
    return (int) crc.getValue();
  }

  /** A header that passed its own checks; the image has yet to be read and checked. */
  public record Header(long seq, int length, int crc) {

    /** Fails unless exactly the announced number of image bytes follow the header. */
    public void expectImageBytes(long available) throws Damaged {
      if (available != length) {
        throw new Damaged(
            "header announces " + length + " image bytes but " + available + " follow");
      }
    }

    /** The snapshot, once the image matches the header's checksum. */
    public HallSnapshot snapshot(byte[] image) throws Damaged {
      expectImageBytes(image.length);
      int actual = checksum(image);
      if (actual != crc) {
        throw new Damaged(
            String.format(
                "image checksum 0x%08x does not match 0x%08x in the header", actual, crc));
      }
      return new HallSnapshot(seq, image);
    }
  }

  /** What was wrong with a saved snapshot: it is ignored, and the hall replays its journal. */
  public static final class Damaged extends Exception {

    Damaged(String problem) {
      super(problem, null, false, false);
    }
  }
}
