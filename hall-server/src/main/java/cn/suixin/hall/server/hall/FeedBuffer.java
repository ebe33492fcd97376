package cn.suixin.hall.server.hall;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.Deque;

/** The newest live messages, so a screen that reconnects with ?since=SEQ gets what it missed. */
final class FeedBuffer {
  private final int capacity;
  private final Deque<JsonObject> messages = new ArrayDeque<>();

  FeedBuffer(int capacity) {
    this.capacity = capacity;
  }

  void add(JsonObject message) {
    messages.addLast(message);
    if (messages.size() > capacity) {
      messages.removeFirst();
    }
  }

  void clear() {
    messages.clear();
  }

  /**
   * Messages after {@code since}, or null when the gap is older than the buffer or when {@code
   * since} is ahead of the hall (a journal restored or replaced): the screen then needs a snapshot,
   * or it would drop every event up to its stale number.
   */
  JsonArray after(long since, long currentSeq) {
    if (since > currentSeq) {
      return null;
    }
    if (since == currentSeq) {
      return new JsonArray();
    }
    if (messages.isEmpty() || messages.peekFirst().getLong("seq") > since + 1) {
      return null;
    }
    JsonArray out = new JsonArray();
    for (JsonObject m : messages) {
      if (m.getLong("seq") > since) {
        out.add(m);
      }
    }
    return out;
  }
}
