package cn.suixin.hall.server.http;

import io.vertx.core.http.WebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A live-feed socket in a test: every text message it receives, in order, and how it closed. */
public final class LiveClient implements AutoCloseable {
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private volatile WebSocket socket;

  LiveClient attach(WebSocket ws) {
    socket = ws;
    ws.textMessageHandler(text -> messages.add(new JsonObject(text)));
    ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
    return this;
  }

  /** The next message, or an AssertionError when none comes in time. */
  public JsonObject next(Duration wait) {
    JsonObject m = poll(wait);
    if (m == null) {
      throw new AssertionError("no live message within " + wait);
    }
    return m;
  }

  /** The next message, or null when none comes in time. */
  public JsonObject poll(Duration wait) {
    try {
      return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Skips messages up to and including the first of this type. */
  public JsonObject nextOfType(String type, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      JsonObject m = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (type.equals(m.getString("type"))) {
        return m;
      }
    }
  }

  public void send(String text) {
    socket.writeTextMessage(text);
  }

  /** One raw frame, such as the first fragment of a message that never ends. */
  public void writeFrame(io.vertx.core.http.WebSocketFrame frame) {
    socket.writeFrame(frame);
  }

  public boolean isClosed() {
    return closed.isDone();
  }

  /** The close code the server chose, or an AssertionError when the socket stays open. */
  public short awaitClose(Duration wait) {
    try {
      Short code = closed.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      return code == null ? -1 : code;
    } catch (Exception e) {
      throw new AssertionError("socket still open after " + wait, e);
    }
  }

  @Override
  public void close() {
    if (socket != null && !socket.isClosed()) {
      socket.close();
    }
  }
}
