package cn.suixin.hall.store;

import java.util.Arrays;
import java.util.Objects;

/**
 * One event of a hall's journal: its sequence number and the serialized event (JSON bytes in
 * practice). The store never looks inside the payload; callers must not mutate it once handed over,
 * since it is written as is without a defensive copy.
 */
public record JournalEntry(long seq, byte[] payload) {

  public JournalEntry {
    Objects.requireNonNull(payload, "payload");
    if (seq < 1) {
      throw new IllegalArgumentException("seq must be >= 1, was " + seq);
    }
  }

  // Records compare arrays by identity; replay tests and idempotency checks need content equality.
  @Override
  public boolean equals(Object o) {
    return o instanceof JournalEntry other
        && seq == other.seq
        && Arrays.equals(payload, other.payload);
  }

  @Override
  public int hashCode() {
    return 31 * Long.hashCode(seq) + Arrays.hashCode(payload);
  }

  @Override
  public String toString() {
    return "JournalEntry[seq=" + seq + ", payload=" + payload.length + " bytes]";
  }
}
