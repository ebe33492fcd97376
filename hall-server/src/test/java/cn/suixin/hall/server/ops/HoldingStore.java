package cn.suixin.hall.server.ops;

import cn.suixin.hall.server.hall.HeldJournal;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.HallSnapshots;
import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.RecordStore;
import io.vertx.core.Future;

/**
 * A real store, except that one hall's journal appends can be held back (see {@link HeldJournal}).
 */
final class HoldingStore implements JournalStore {
  private final JournalStore store;
  private final String hall;
  private HeldJournal held;

  HoldingStore(JournalStore store, String hall) {
    this.store = store;
    this.hall = hall;
  }

  /** The held hall's journal, once its owner has asked for it. */
  synchronized HeldJournal held() {
    return held;
  }

  @Override
  public synchronized HallJournal journal(String hallId) {
    if (!hallId.equals(hall)) {
      return store.journal(hallId);
    }
    if (held == null) {
      held = new HeldJournal(store.journal(hallId));
    }
    return held;
  }

  @Override
  public RecordStore records() {
    return store.records();
  }

  @Override
  public HallSnapshots snapshots(String hallId) {
    return store.snapshots(hallId);
  }

  @Override
  public Future<Long> takeOwnership(String hallId, String nodeId) {
    return store.takeOwnership(hallId, nodeId);
  }

  @Override
  public Future<Void> ping() {
    return store.ping();
  }

  @Override
  public Future<Void> close() {
    if (held() != null) {
      held().release();
    }
    return store.close();
  }
}
