package cn.suixin.hall.server.auth;

import cn.suixin.hall.store.RecordStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * Locked accounts, kept in the record store beside the users, so a lock holds across a restart and
 * on every node that shares the store. A username that is no one's is locked the same way:
 * otherwise the lock itself would tell which usernames exist.
 */
final class Lockouts {
  private static final String COLLECTION = Accounts.LOCKOUTS;
  private final RecordStore records;

  Lockouts(RecordStore records) {
    this.records = records;
  }

  Future<Boolean> isLocked(String username) {
    return records.get(COLLECTION, username).map(lock -> lock != null);
  }

  /** Locks the username unless it already is; the first lock's time and cause are kept. */
  Future<Void> lock(String username, int failures, String lastAddress, Instant at) {
    JsonObject lock =
        new JsonObject()
            .put("username", username)
            .put("lockedAt", at.toString())
            .put("failures", failures)
            .put("lastAddress", lastAddress);
    return records.putIfAbsent(COLLECTION, username, lock).mapEmpty();
  }

  /** Lifts the lock; completes with whether there was one. */
  Future<Boolean> unlock(String username) {
    return records
        .get(COLLECTION, username)
        .compose(
            lock ->
                lock == null
                    ? Future.succeededFuture(false)
                    : records.remove(COLLECTION, username).map(true));
  }
}
