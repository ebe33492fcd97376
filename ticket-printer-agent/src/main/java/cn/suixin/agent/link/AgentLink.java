package cn.suixin.agent.link;

import cn.suixin.agent.outbox.OutgoingMessages;
import cn.suixin.agent.serial.Backoff;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one WebSocket to hall-server (docs/agent-protocol.md). It authenticates first, tells
 * the outgoing messages when the server has said hello and what it acked, and reconnects with
 * full-jitter backoff capped near a minute. Made and used on the agent's context, which its
 * socket's handlers and its timers run on too.
 */
public final class AgentLink {

  private static final Logger LOG = LoggerFactory.getLogger(AgentLink.class);
  public static final String PATH = "/api/v1/agents/live";
  private static final int CLOSE_NOT_ALLOWED = 4401;

  private final Vertx vertx;
  private final URI server;
  private final String token;
  private final OutgoingMessages outgoing;
  private final LinkHandler handler;
  private final Backoff backoff;
  private final WebSocketClient client;
  private WebSocket socket;
  private boolean up;
  private boolean stopped;
  private long lastSeq = -1;
  private int failedAttempts;
  private long reconnectTimer = -1;

  public AgentLink(
      Vertx vertx,
      URI server,
      String token,
      OutgoingMessages outgoing,
      LinkHandler handler,
      Backoff backoff) {
    this.vertx = vertx;
    this.server = server;
    this.token = token;
    this.outgoing = outgoing;
    this.handler = handler;
    this.backoff = backoff;
    this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setConnectTimeout(5000));
  }

  public void start() {
    connect();
  }

  public Future<Void> stop() {
    stopped = true;
    vertx.cancelTimer(reconnectTimer);
    Future<Void> closing = socket != null ? socket.close() : Future.succeededFuture();
    return closing.eventually(client::close);
  }

  /** True once hello arrived and until the socket closes. */
  public boolean isUp() {
    return up;
  }

  private void connect() {
    reconnectTimer = -1;
    if (stopped) {
      return;
    }
    boolean tls = "https".equals(server.getScheme()) || "wss".equals(server.getScheme());
    int port = server.getPort() > 0 ? server.getPort() : (tls ? 443 : 80);
    WebSocketConnectOptions options =
        new WebSocketConnectOptions()
            .setHost(server.getHost())
            .setPort(port)
            .setSsl(tls)
            .setURI(PATH);
    client
        .connect(options)
        .onComplete(
            ar -> {
              if (ar.succeeded()) {
                opened(ar.result());
              } else {
                // say it once, not on every retry of a long outage
                if (failedAttempts++ == 0) {
                  LOG.info(
                      "server {} not reachable ({}); retrying", server, ar.cause().getMessage());
                } else {
                  LOG.debug("server {} still not reachable: {}", server, ar.cause().getMessage());
                }
                reconnectLater(backoff.nextDelayMillis());
              }
            });
  }

  private void opened(WebSocket ws) {
    if (stopped) {
      ws.close();
      return;
    }
    socket = ws;
    ws.textMessageHandler(this::onText);
    ws.exceptionHandler(e -> LOG.debug("link error: {}", e.getMessage()));
    ws.closeHandler(v -> closed(ws));
    JsonObject auth = new JsonObject().put("type", "auth").put("token", token);
    if (lastSeq >= 0) {
      auth.put("since", lastSeq);
    }
    ws.writeTextMessage(auth.encode());
  }

  private void onText(String text) {
    JsonObject m;
    try {
      m = new JsonObject(text);
    } catch (DecodeException e) {
      LOG.warn("ignoring a message that is not JSON: {}", text);
      return;
    }
    Long seq = m.getLong("seq");
    if (seq != null) {
      lastSeq = Math.max(lastSeq, seq);
    }
    switch (m.getString("type", "")) {
      case "hello" -> hello(m);
      case "ack" -> outgoing.acked(m.getString("id"));
      case "error" -> outgoing.refused(m);
      default -> handler.onCommand(m);
    }
  }

  private void hello(JsonObject m) {
    up = true;
    failedAttempts = 0;
    backoff.reset();
    LOG.info("linked to {} as {}", server, m.getJsonObject("device", new JsonObject()).encode());
    WebSocket ws = socket;
    outgoing.linkUp(ws::writeTextMessage);
    handler.onHello(m);
  }

  private void closed(WebSocket ws) {
    if (ws != socket) {
      return;
    }
    boolean wasUp = up;
    up = false;
    socket = null;
    outgoing.linkDown();
    Short code = ws.closeStatusCode();
    LOG.info("link closed ({})", code);
    if (wasUp) {
      handler.onLinkDown();
    }
    // A refused token will not fix itself quickly: do not hammer the server with it.
    long delay = code != null && code == CLOSE_NOT_ALLOWED ? 60_000 : backoff.nextDelayMillis();
    reconnectLater(delay);
  }

  private void reconnectLater(long delayMillis) {
    if (!stopped) {
      reconnectTimer = vertx.setTimer(delayMillis, id -> connect());
    }
  }
}
