package cn.suixin.hall.store;

import java.util.Arrays;

/** File offsets of a journal's frames by position (seq - 1), without boxing 100k longs. */
final class OffsetIndex {

  private long[] offsets = new long[1024];
  private int size;

  void add(long offset) {
    if (size == offsets.length) {
      offsets = Arrays.copyOf(offsets, size * 2);
    }
    offsets[size++] = offset;
  }

  long get(int position) {
    if (position >= size) {
      throw new IndexOutOfBoundsException(position);
    }
    return offsets[position];
  }

  int size() {
    return size;
  }
}
