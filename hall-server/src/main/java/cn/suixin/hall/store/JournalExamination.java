package cn.suixin.hall.store;

import java.util.List;

/**
 * What {@code journal check} found in a hall's journal.
 *
 * @param where the file or Redis key
 * @param records good records read (damaged ones not counted)
 * @param lastSeq the seq of the last good record
 * @param damages stretches that are damaged with good records after them, in journal order
 * @param tornTailOffset where a torn tail starts (the next start cuts it off), -1 for none
 * @param tornTailBytes how long that tail is
 */
public record JournalExamination(
    String where,
    long records,
    long lastSeq,
    List<JournalDamage> damages,
    long tornTailOffset,
    long tornTailBytes) {

  public JournalExamination {
    damages = List.copyOf(damages);
  }

  public boolean damaged() {
    return !damages.isEmpty();
  }
}
