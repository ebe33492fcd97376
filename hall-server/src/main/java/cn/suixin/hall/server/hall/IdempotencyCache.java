package cn.suixin.hall.server.hall;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replies of recent commands by idempotency key. Rebuilt from the journal on start, where each
 * key travels with the last event of its command, so a retry is answered exactly as durable
 * as the first attempt.
 */
final class IdempotencyCache {
  private final Map<String, JsonObject> replies;

  IdempotencyCache(int capacity) {
    this.replies = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, JsonObject> eldest) {
        return size() > capacity;
      }
    };
  }

  JsonObject get(String key) {
    return replies.get(key);
  }

  void put(String key, JsonObject reply) {
    replies.put(key, reply);
  }

  void clear() {
    replies.clear();
  }
}
