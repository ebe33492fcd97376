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

  /** Messages after {@code since}, or null when the gap is older than the buffer. */
  JsonArray after(long since, long currentSeq) {
    if (since >= currentSeq) {
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
