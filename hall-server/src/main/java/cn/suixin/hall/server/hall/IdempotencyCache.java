package cn.suixin.hall.server.hall;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replies of recent commands by idempotency key. Rebuilt on start from the snapshot and the
 * journal, where each key travels with the last event of its command, so a retry is answered
 * exactly as durable as the first attempt.
 *
 * <p>Replies are kept as JSON text: a retry is rare, while a snapshot copies every entry, and
 * text needs no encoding on the hall's event loop then.
 */
final class IdempotencyCache {
  private final Map<String, String> replies;

  IdempotencyCache(int capacity) {
    this.replies = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The first reply given for a key, as a new object the caller may change; null if none. */
  JsonObject get(String key) {
    String reply = replies.get(key);
    return reply == null ? null : new JsonObject(reply);
  }

  void put(String key, JsonObject reply) {
    replies.put(key, reply.encode());
  }

  void putEncoded(String key, String reply) {
    replies.put(key, reply);
  }

  /** Every key and reply text, oldest first. */
  List<Map.Entry<String, String>> entries() {
    List<Map.Entry<String, String>> copy = new ArrayList<>(replies.size());
    replies.forEach((k, v) -> copy.add(Map.entry(k, v)));
    return copy;
  }

  void clear() {
    replies.clear();
  }
}
