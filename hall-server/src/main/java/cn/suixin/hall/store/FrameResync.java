package cn.suixin.hall.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Looks past a bad frame for the next one that is valid and could belong to the journal: the magic,
 * a length that fits, a matching checksum, and a seq after the last good one but no further than
 * frames that small could reach. Finding one tells bad media from a torn tail, which has nothing
 * valid after it. Random bytes pass all of that with odds of about one in 2^64.
 */
final class FrameResync {

  private static final int CHUNK = 1 << 20;

  private FrameResync() {}

  /** The first plausible frame starting at {@code from} or later, or {@code null}. */
  static Frame next(FileChannel channel, int magic, long from, long limit, long lastSeq)
      throws IOException {
    byte[] pattern = ByteBuffer.allocate(4).putInt(magic).array();
    byte[] chunk = new byte[CHUNK + 3];
    for (long start = from; start + Frames.HEADER <= limit; start += CHUNK) {
      int length = (int) Math.min(chunk.length, limit - start);
      readFully(channel, ByteBuffer.wrap(chunk, 0, length), start);
      for (int i = 0; i + 4 <= length && i < CHUNK; i++) {
        if (chunk[i] == pattern[0]
            && chunk[i + 1] == pattern[1]
            && chunk[i + 2] == pattern[2]
            && chunk[i + 3] == pattern[3]) {
          Frame frame = frameAt(channel, magic, start + i, limit);
          if (frame != null
              && frame.seq() > lastSeq
              && frame.seq() <= lastSeq + 1 + (limit - from) / Frames.HEADER) {
            return frame;
          }
        }
      }
    }
    return null;
  }

  /**
   * What is wrong at {@code offset}, where a good frame was due, given the next plausible frame.
   */
  static String problemAt(FileChannel channel, int magic, long offset, long limit, Frame after)
      throws IOException {
    if (after.offset() == offset) {
      return "the frame there holds seq " + after.seq() + " (frames are missing)";
    }
    Frame bad = frameAt(channel, magic, offset, limit);
    return bad != null
        ? "the frame there holds seq " + bad.seq()
        : "the frame there is damaged (its magic, length or checksum is wrong)";
  }

  /** The valid frame starting exactly at {@code offset}, or {@code null}. */
  static Frame frameAt(FileChannel channel, int magic, long offset, long limit) throws IOException {
    if (offset + Frames.HEADER > limit) {
      return null;
    }
    ByteBuffer header = ByteBuffer.allocate(Frames.HEADER);
    readFully(channel, header, offset);
    int length = header.getInt(4);
    if (length < 0 || length > Frames.MAX_PAYLOAD || offset + Frames.HEADER + length > limit) {
      return null;
    }
    byte[] whole = new byte[Frames.HEADER + length];
    readFully(channel, ByteBuffer.wrap(whole), offset);
    return Frames.decode(whole, 0, whole.length, magic, offset);
  }

  private static void readFully(FileChannel channel, ByteBuffer into, long position)
      throws IOException {
    while (into.hasRemaining()) {
      if (channel.read(into, position + into.position()) < 0) {
        throw new IOException("file shrank while reading at " + position);
      }
    }
  }
}
