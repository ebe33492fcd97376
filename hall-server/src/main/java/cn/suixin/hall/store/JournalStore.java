package cn.suixin.hall.store;

import io.vertx.core.Future;

/**
 * Where a node keeps what must survive: one journal per hall plus the record store. The embedded
 * implementation uses files under a data folder; a Redis implementation follows the same contract.
 */
public interface JournalStore {

  /** The journal of a hall; the same instance for the same hall until it is closed. */
  HallJournal journal(String hallId);

  RecordStore records();

  /** Where the snapshots of a hall are kept, beside its journal. */
  HallSnapshots snapshots(String hallId);

  /**
   * Makes this node the writer of a hall with a fencing token higher than any before, so an old
   * owner can no longer append. Stores with one writer per data folder need no fencing.
   */
  default Future<Long> takeOwnership(String hallId, String nodeId) {
    return Future.succeededFuture(0L);
  }

  /**
   * Whether the store answers now: readiness asks this, so a node whose store cannot be reached
   * says so instead of reporting ready while every write fails. Completes with a failure when the
   * store is unreachable or does not answer in its timeout.
   */
  Future<Void> ping();

  /** Closes every journal handed out and the record store. */
  Future<Void> close();
}
