package cn.suixin.agent.link;

import cn.suixin.agent.Eventually;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Just enough of hall-server's agent endpoint (docs/agent-protocol.md) to test the agent: checks
 * the auth message, says hello, records what the agent sends and acks ids when asked to.
 */
public final class FakeHallServer implements AutoCloseable {

  public static final String TOKEN = "agent-token-1";

  private final Vertx vertx = Vertx.vertx();
  private final int port;
  private final List<JsonObject> received = new ArrayList<>();
  private final List<JsonObject> auths = new ArrayList<>();
  private volatile HttpServer server;
  private volatile ServerWebSocket socket;
  private volatile boolean acking = true;

  public FakeHallServer(int port) {
    this.port = port;
  }

  public FakeHallServer start() throws Exception {
    server = vertx.createHttpServer().webSocketHandler(this::accept);
    server
        .listen(port, "127.0.0.1")
        .toCompletionStage()
        .toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
    return this;
  }

  /** Stops listening and drops the agent, as a server going down does (1012). */
  public void stop() throws Exception {
    ServerWebSocket ws = socket;
    if (ws != null) {
      ws.close((short) 1012, "restarting")
          .toCompletionStage()
          .toCompletableFuture()
          .get(5, TimeUnit.SECONDS);
    }
    server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  public void dropConnection() throws Exception {
    socket
        .close((short) 1012, "restarting")
        .toCompletionStage()
        .toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  public void setAcking(boolean acking) {
    this.acking = acking;
  }

  public void send(JsonObject message) {
    socket.writeTextMessage(message.encode());
  }

  public boolean connected() {
    return socket != null;
  }

  public synchronized List<JsonObject> received() {
    return List.copyOf(received);
  }

  public synchronized List<JsonObject> auths() {
    return List.copyOf(auths);
  }

  public synchronized List<JsonObject> received(String type) {
    return received.stream().filter(m -> type.equals(m.getString("type"))).toList();
  }

  /** The first message of that type that matches, once it has arrived. */
  public JsonObject await(String type, Predicate<JsonObject> match) {
    return Eventually.eventually()
        .alias("a " + type + " message")
        .until(() -> received(type).stream().filter(match).findFirst(), Optional::isPresent)
        .orElseThrow();
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private void accept(ServerWebSocket ws) {
    if (!"/api/v1/agents/live".equals(ws.path())) {
      ws.close((short) 4400, "unknown path");
      return;
    }
    boolean[] authed = {false};
    ws.textMessageHandler(
        text -> {
          JsonObject m = new JsonObject(text);
          if (!authed[0]) {
            synchronized (this) {
              auths.add(m);
            }
            if (!"auth".equals(m.getString("type")) || !TOKEN.equals(m.getString("token"))) {
              ws.close((short) 4401, "bad token");
              return;
            }
            authed[0] = true;
            socket = ws;
            ws.writeTextMessage(
                new JsonObject()
                    .put("type", "hello")
                    .put(
                        "device",
                        new JsonObject().put("id", "d1").put("kind", "agent").put("hall", "h1"))
                    .put("hall", new JsonObject().put("id", "h1").put("name", "政务服务中心"))
                    .put("serverTime", "2026-11-27T01:00:00Z")
                    .encode());
            return;
          }
          // Decide before recording: recording wakes a test that may switch acking on at once, and
          // a
          // message that arrived while acking was off must stay unacked.
          boolean ack = acking;
          synchronized (this) {
            received.add(m);
          }
          if (ack && m.getString("id") != null) {
            ws.writeTextMessage(
                new JsonObject().put("type", "ack").put("id", m.getString("id")).encode());
          }
        });
    ws.closeHandler(
        v -> {
          if (socket == ws) {
            socket = null;
          }
        });
  }
}
