package cn.suixin.hall.server.codec;

import java.nio.charset.StandardCharsets;

/**
 * Reads what {@link ImageWriter} wrote. Running past the end or meeting a negative length is a
 * damaged image: it fails with {@link IllegalArgumentException}, never with a garbage state.
 */
public final class ImageReader {
  private final byte[] bytes;
  private final int end;
  private int position;

  public ImageReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public ImageReader(byte[] bytes, int from, int to) {
    this.bytes = bytes;
    this.position = from;
    this.end = to;
  }

  public int getInt() {
    need(4);
    int value =
        (bytes[position] & 0xff) << 24
            | (bytes[position + 1] & 0xff) << 16
            | (bytes[position + 2] & 0xff) << 8
            | bytes[position + 3] & 0xff;
    position += 4;
    return value;
  }

  public long getLong() {
    long high = getInt();
    return high << 32 | getInt() & 0xffffffffL;
  }

  public String getString() {
    int length = getInt();
    if (length == -1) {
      return null;
    }
    checkLength(length);
    String value = new String(bytes, position, length, StandardCharsets.UTF_8);
    position += length;
    return value;
  }

  /** A length-prefixed run of bytes, copied. */
  public byte[] getBytes() {
    int length = getInt();
    checkLength(length);
    byte[] copy = java.util.Arrays.copyOfRange(bytes, position, position + length);
    position += length;
    return copy;
  }

  /** A length-prefixed run read in place, for a nested image. */
  public ImageReader nested() {
    int length = getInt();
    checkLength(length);
    ImageReader inner = new ImageReader(bytes, position, position + length);
    position += length;
    return inner;
  }

  public int remaining() {
    return end - position;
  }

  private void checkLength(int length) {
    if (length < 0) {
      throw new IllegalArgumentException(
          "damaged image: length " + length + " at byte " + (position - 4));
    }
    need(length);
  }

  private void need(int count) {
    if (count > end - position) {
      throw new IllegalArgumentException(
          "damaged image: " + count + " bytes wanted at byte " + position + " of " + end);
    }
  }
}
