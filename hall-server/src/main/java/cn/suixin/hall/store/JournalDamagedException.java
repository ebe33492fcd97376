package cn.suixin.hall.store;

import java.nio.file.Path;

/**
 * A hall's journal holds a damaged record with valid records after it. A crash only ever tears the
 * end of a journal; this is bad media, a bad copy or a hand in the file. Cutting there, as a torn
 * tail is cut, would throw acknowledged events away and hand their numbers out again, so the hall
 * stays closed, nothing is changed, and the message says where the damage is and what an operator
 * can do: look with {@code journal check}, then decide with {@code journal repair}.
 */
public final class JournalDamagedException extends RuntimeException {

  private final String hall;
  private final String where;
  private final long expectedSeq;
  private final String repairFlag;

  private JournalDamagedException(String hall, String where, long expectedSeq, String repairFlag) {
    super(where);
    this.hall = hall;
    this.where = where;
    this.expectedSeq = expectedSeq;
    this.repairFlag = repairFlag;
  }

  /** A frame of the journal file that is not what the writer wrote, with a valid frame after it. */
  static JournalDamagedException inFile(
      String hall,
      Path file,
      long offset,
      long expectedSeq,
      String problem,
      long resumesAtOffset,
      long resumesAtSeq) {
    return new JournalDamagedException(
        hall,
        file
            + " at offset "
            + offset
            + ": expected seq "
            + expectedSeq
            + ", but "
            + problem
            + ", and valid frames follow from offset "
            + resumesAtOffset
            + " (seq "
            + resumesAtSeq
            + ")",
        expectedSeq,
        "--skip-offset " + offset);
  }

  /** An entry of a hall's Redis stream that is not what the writer wrote, or one missing. */
  public static JournalDamagedException inStream(
      String hall, String key, String entryId, long expectedSeq, String problem) {
    return new JournalDamagedException(
        hall,
        "Redis stream "
            + key
            + " entry "
            + entryId
            + ": expected seq "
            + expectedSeq
            + ", "
            + problem,
        expectedSeq,
        "--skip-seq " + expectedSeq);
  }

  /** An event that passed the store's own checks but does not decode; the hall is named later. */
  public static JournalDamagedException inEvent(long seq, String problem) {
    return new JournalDamagedException(
        null, "the event of seq " + seq + " " + problem, seq, "--skip-seq " + seq);
  }

  /** The same damage, told of the hall it belongs to. */
  public JournalDamagedException forHall(String hallId) {
    if (hall != null) {
      return this;
    }
    JournalDamagedException named =
        new JournalDamagedException(hallId, where, expectedSeq, repairFlag);
    named.initCause(this);
    return named;
  }

  public String hall() {
    return hall;
  }

  /** The first seq the damage takes: the one a repair would replace by a lost-event marker. */
  public long expectedSeq() {
    return expectedSeq;
  }

  @Override
  public String getMessage() {
    String h = hall == null ? "?" : hall;
    return "journal of hall "
        + h
        + " is damaged: "
        + where
        + ". Nothing was cut or changed and the hall stays"
        + " closed. See the damage with \"java -jar hall-server.jar journal check --hall "
        + h
        + "\", then, with"
        + " the server stopped, \"java -jar hall-server.jar journal repair --hall "
        + h
        + " "
        + repairFlag
        + " --confirm\" (it backs the journal up first; give both the server's --data or --store and --redis flags)";
  }
}
