package cn.suixin.hall.store;

import io.vertx.core.Future;

/**
 * The latest saved snapshot of one hall: a cache over its journal, so a restart replays only the
 * journal's tail. Losing it or finding it damaged costs replay time, never data: the journal stays
 * the truth.
 *
 * <p>Every returned future completes on the context that called the method.
 */
public interface HallSnapshots {

  /**
   * Replaces the saved snapshot by this one and completes once it is durable. A crash midway leaves
   * the earlier snapshot readable, never a mix of both.
   */
  Future<Void> save(HallSnapshot snapshot);

  /**
   * The saved snapshot, or null when there is none or what is saved fails its checksum (then a
   * warning is logged and the caller replays the whole journal).
   */
  Future<HallSnapshot> latest();
}
