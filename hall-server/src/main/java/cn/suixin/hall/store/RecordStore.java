package cn.suixin.hall.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * Durable key/value records that must survive a restart and are not hall events: users, devices,
 * idempotency results, follow-up cases, daily figures. Values are grouped in named collections.
 * Every write completes only once durable; every returned future completes on the calling context.
 */
public interface RecordStore {

  Future<Void> put(String collection, String key, JsonObject value);

  /** The stored value, or {@code null} when absent. */
  Future<JsonObject> get(String collection, String key);

  /**
   * Stores the value only if the key is absent, decided atomically against writers in other
   * processes too. Like {@link java.util.Map#putIfAbsent}: completes with the value already
   * present, or {@code null} when this call stored it.
   */
  Future<JsonObject> putIfAbsent(String collection, String key, JsonObject value);

  Future<Void> remove(String collection, String key);

  /** All values of a collection, in the order their keys were first written. */
  Future<List<JsonObject>> list(String collection);

  Future<Void> close();
}
