package cn.suixin.hall.store;

/**
 * One damaged stretch of a hall's journal, as {@code journal check} reports it and {@code journal
 * repair} takes it: where it is, which seqs it takes and what is wrong there.
 *
 * @param offset where the stretch starts in the journal file; -1 in a Redis stream
 * @param bytes how long the stretch is in the file; 0 in a Redis stream
 * @param firstSeq the seq that should have been there
 * @param resumesAtSeq the seq of the first good record after it: the seqs from {@code firstSeq} up
 *     to it are lost (none when only stray bytes or entries sit between two good records)
 */
public record JournalDamage(
    long offset, long bytes, long firstSeq, long resumesAtSeq, String problem) {

  public long lostSeqs() {
    return resumesAtSeq - firstSeq;
  }

  /**
   * Whether an operator naming {@code seq} means this damage: one of the seqs it takes, or where it
   * sits when it takes none.
   */
  public boolean namedBy(long seq) {
    return seq >= firstSeq && seq < resumesAtSeq || lostSeqs() == 0 && seq == firstSeq;
  }

  /** The damage in one line, for operators. */
  public String describe() {
    String where =
        offset >= 0
            ? "at offset " + offset + " (" + bytes + " bytes)"
            : "at entry " + firstSeq + "-0";
    String lost =
        lostSeqs() == 0
            ? "no seq is missing, stray bytes only"
            : lostSeqs() == 1
                ? "seq " + firstSeq + " is lost"
                : "seqs " + firstSeq + ".." + (resumesAtSeq - 1) + " are lost";
    return "damaged "
        + where
        + ": "
        + problem
        + "; "
        + lost
        + "; good records resume at seq "
        + resumesAtSeq;
  }
}
