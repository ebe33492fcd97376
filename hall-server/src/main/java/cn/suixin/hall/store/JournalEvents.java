package cn.suixin.hall.store;

/**
 * What only the server knows about the records a journal holds: the store checks frames and
 * entries, the server's codec checks events and writes the marker a repair puts in place of a lost
 * one.
 */
public interface JournalEvents {

  /** Why this record is not an event of {@code seq}, or {@code null} when it is. */
  String problem(long seq, byte[] payload);

  /**
   * The record a repair puts in place of lost {@code seq}, between the events before and after it
   * (either may be {@code null} at an end of the journal).
   */
  byte[] lostEvent(long seq, byte[] before, byte[] after, String reason);
}
