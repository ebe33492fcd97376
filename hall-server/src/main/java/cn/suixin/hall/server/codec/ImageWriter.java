package cn.suixin.hall.server.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes a snapshot as big-endian ints and longs and length-prefixed UTF-8 strings (-1 for null)
 * into a growing array: no streams, so writing a large hall costs little on the event loop.
 */
public final class ImageWriter {
  private byte[] bytes;
  private int size;

  public ImageWriter(int initialCapacity) {
    this.bytes = new byte[Math.max(16, initialCapacity)];
  }

  public void putInt(int value) {
    ensure(4);
    bytes[size++] = (byte) (value >>> 24);
    bytes[size++] = (byte) (value >>> 16);
    bytes[size++] = (byte) (value >>> 8);
    bytes[size++] = (byte) value;
  }

  public void putLong(long value) {
    putInt((int) (value >>> 32));
    putInt((int) value);
  }

  public void putString(String value) {
    if (value == null) {
      putInt(-1);
      return;
    }
    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
    putBytes(utf8);
  }

  /** A length-prefixed run of bytes, such as an image written by another writer. */
  public void putBytes(byte[] value) {
    putBytes(value, value.length);
  }

  /** The first {@code length} bytes of {@code value}, length-prefixed. */
  public void putBytes(byte[] value, int length) {
    putInt(length);
    ensure(length);
    System.arraycopy(value, 0, bytes, size, length);
    size += length;
  }

  public int size() {
    return size;
  }

  /**
   * The array written so far, not copied: valid up to {@link #size()}, and only while nothing more
   * is written. Saves copying a large image on the event loop.
   */
  public byte[] array() {
    return bytes;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(bytes, size);
  }

  private void ensure(int more) {
    if (size + more > bytes.length) {
      long wanted = Math.max((long) bytes.length * 2, (long) size + more);
      if (wanted > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("state image over 2 GiB");
      }
      bytes = Arrays.copyOf(bytes, (int) wanted);
    }
  }
}
