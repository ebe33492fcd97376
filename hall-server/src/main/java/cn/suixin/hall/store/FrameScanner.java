package cn.suixin.hall.store;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Reads frames one after another from a file region through a large window, so replaying a day's
 * events costs a few reads rather than two per frame.
 */
final class FrameScanner {

  private static final int WINDOW = 1 << 20;

  private final FileChannel channel;
  private final int magic;
  private final long limit;
  private long position;
  private byte[] window = new byte[0];
  private long windowStart;
  private int windowLength;

  FrameScanner(FileChannel channel, int magic, long start, long limit) {
    this.channel = channel;
    this.magic = magic;
    this.position = start;
    this.limit = limit;
  }

  /** The next valid frame, or {@code null} at the end of the region or at the first bad frame. */
  Frame next() throws IOException {
    if (!load(Frames.HEADER)) {
      return null;
    }
    int length = ByteBuffer.wrap(window).getInt((int) (position - windowStart) + 4);
    if (length < 0 || length > Frames.MAX_PAYLOAD || !load(Frames.HEADER + length)) {
      return null;
    }
    int base = (int) (position - windowStart);
    Frame frame = Frames.decode(window, base, windowLength - base, magic, position);
    if (frame != null) {
      position = frame.end();
    }
    return frame;
  }

  private boolean load(int needed) throws IOException {
    if (position + needed > limit) {
      return false;
    }
    if (position >= windowStart && position + needed <= windowStart + windowLength) {
      return true;
    }
    int length = (int) Math.min(Math.max(needed, WINDOW), limit - position);
    if (window.length < length) {
      window = new byte[length];
    }
    ByteBuffer target = ByteBuffer.wrap(window, 0, length);
    while (target.hasRemaining()) {
      if (channel.read(target, position + target.position()) < 0) {
        throw new EOFException("file shrank while reading at " + position);
      }
    }
    windowStart = position;
    windowLength = length;
    return true;
  }
}
