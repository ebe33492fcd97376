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
 * <p>A reply is kept as given (never changed afterwards) or, when it came from a snapshot, as its
 * JSON text until a retry asks for it: a restart does not parse replies nobody retries, and a
 * command pays no encoding on the hall's event loop; a snapshot encodes on a worker thread.
 */
final class IdempotencyCache {
  private final Map<String, Object> replies;

  /**
   * One key and its reply, a JsonObject or its text; {@link #text()} is safe off the event loop.
   */
  record Entry(String key, Object reply) {
    String text() {
      return reply instanceof JsonObject json ? json.encode() : (String) reply;
    }
  }

  IdempotencyCache(int capacity) {
    this.replies =
        new LinkedHashMap<>(1024, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > capacity;
          }
        };
  }

  /** The first reply given for a key, as a new object the caller may change; null if none. */
  JsonObject get(String key) {
    Object reply = replies.get(key);
    if (reply instanceof String text) {
      JsonObject parsed = new JsonObject(text);
      replies.put(key, parsed);
      return parsed.copy();
    }
    return reply == null ? null : ((JsonObject) reply).copy();
  }

  /** Keeps {@code reply} itself: the caller must not change it afterwards. */
  void put(String key, JsonObject reply) {
    replies.put(key, reply);
  }

  void putEncoded(String key, String reply) {
    replies.put(key, reply);
  }

  /** Every key and reply, oldest first. */
  List<Entry> entries() {
    List<Entry> copy = new ArrayList<>(replies.size());
    replies.forEach((k, v) -> copy.add(new Entry(k, v)));
    return copy;
  }

  void clear() {
    replies.clear();
  }
}
