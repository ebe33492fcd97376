package cn.suixin.hall.store;

import io.vertx.core.Future;
import java.util.List;

/**
 * The event journal of one hall. Its single writer (the hall's verticle) appends batches whose
 * sequence numbers continue the journal without gaps: the first entry ever is seq 1, and each batch
 * starts at {@link #lastSeq()} + 1 as seen after all earlier appends.
 *
 * <p>Every returned future completes on the context that called the method.
 */
public interface HallJournal {

  /**
   * Appends a batch; completes only once the batch is durable, so a reply held on it never
   * acknowledges something a crash could take back. Fails with {@link IllegalArgumentException} if
   * the batch does not continue the journal, and with the I/O error if the write failed; in both
   * cases nothing of the batch is kept and the writer may retry from {@link #lastSeq()} + 1.
   */
  Future<Void> append(List<JournalEntry> batch);

  /** Reads up to {@code max} entries starting at {@code seqInclusive}, in order. */
  Future<List<JournalEntry>> readFrom(long seqInclusive, int max);

  /** The sequence number of the last durable entry, 0 for an empty journal. */
  Future<Long> lastSeq();

  /** Flushes appends already submitted, then releases the file (or connection). */
  Future<Void> close();
}
