package cn.suixin.hall.server.agent;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The test's agent: speaks docs/agent-protocol.md over a plain JDK WebSocket and records what
 * arrives.
 */
final class AgentSocket implements AutoCloseable {
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
  private final WebSocket ws;

  private AgentSocket(URI uri) throws Exception {
    ws =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(
                uri,
                new WebSocket.Listener() {
                  private final StringBuilder text = new StringBuilder();

                  @Override
                  public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                    text.append(data);
                    if (last) {
                      received.add(new JsonObject(text.toString()));
                      text.setLength(0);
                    }
                    w.request(1);
                    return null;
                  }

                  @Override
                  public CompletionStage<?> onClose(WebSocket w, int status, String reason) {
                    closeCode.complete(status);
                    return null;
                  }

                  @Override
                  public void onError(WebSocket w, Throwable error) {
                    closeCode.complete(-1);
                  }
                })
            .get(10, TimeUnit.SECONDS);
  }

  static AgentSocket open(URI uri) throws Exception {
    return new AgentSocket(uri);
  }

  /** Opens, authenticates and waits for hello. */
  static AgentSocket linked(URI uri, String token) throws Exception {
    AgentSocket a = open(uri);
    a.send(new JsonObject().put("type", "auth").put("token", token));
    a.next("hello");
    return a;
  }

  void send(JsonObject m) throws Exception {
    sendText(m.encode());
  }

  void sendText(String text) throws Exception {
    ws.sendText(text, true).get(5, TimeUnit.SECONDS);
  }

  /** The next message of that type, skipping others; fails after 10 s. */
  JsonObject next(String type) throws InterruptedException {
    long end = System.currentTimeMillis() + 10_000;
    while (true) {
      JsonObject m =
          received.poll(Math.max(1, end - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
      if (m == null) {
        throw new AssertionError("no " + type + " within 10 s");
      }
      if (type.equals(m.getString("type"))) {
        return m;
      }
    }
  }

  /** Whatever arrives within the wait, for checking that nothing did. */
  JsonObject poll(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  int closeCode(long seconds) throws Exception {
    return closeCode.get(seconds, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    ws.abort();
  }
}
