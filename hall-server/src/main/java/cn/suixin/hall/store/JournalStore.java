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

  /** Closes every journal handed out and the record store. */
  Future<Void> close();
}
