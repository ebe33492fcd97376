package cn.suixin.hall.store;

import java.util.Objects;

/**
 * A hall's state as of journal entry {@code seq}, as opaque bytes. The store keeps it beside the
 * journal and never looks inside; the image must not be mutated once handed over.
 */
public record HallSnapshot(long seq, byte[] image) {

  public HallSnapshot {
    Objects.requireNonNull(image, "image");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, was " + seq);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HallSnapshot other
        && seq == other.seq
        && java.util.Arrays.equals(image, other.image);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(seq) + java.util.Arrays.hashCode(image);
  }

  @Override
  public String toString() {
    return "HallSnapshot[seq=" + seq + ", image=" + image.length + " bytes]";
  }
}
