package cn.suixin.agent.link;

import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
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
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent's one WebSocket to hall-server (docs/agent-protocol.md). It authenticates first,
 * resends the outbox after every hello, removes outbox entries on ack, and reconnects with
 * full-jitter backoff capped near a minute. Messages without an id (printed) wait in memory while
 * the link is down. Made and used on the agent's context, which its socket's handlers and its
 * timers run on too.
 */
public final class AgentLink {

  private static final Logger LOG = LoggerFactory.getLogger(AgentLink.class);
  public static final String PATH = "/api/v1/agents/live";
  private static final int MAX_QUEUED = 1000;
  private static final int CLOSE_NOT_ALLOWED = 4401;

  private final Vertx vertx;
  private final URI server;
  private final String token;
  private final Outbox outbox;
  private final LinkHandler handler;
  private final Backoff backoff;
  private final WebSocketClient client;
  private final Deque<String> queued = new ArrayDeque<>();
  private WebSocket socket;
  private boolean up;
  private boolean stopped;
  private long lastSeq = -1;
  private int failedAttempts;
  private long reconnectTimer = -1;

  public AgentLink(Vertx vertx, URI server, String token, Outbox outbox, LinkHandler handler,
      Backoff backoff) {
    this.vertx = vertx;
    this.server = server;
    this.token = token;
    this.outbox = outbox;
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

  /** Stores the message until the server acks its id; sends it now if the link is up. */
  public void sendDurable(OutboxMessage m) {
    outbox.put(m);
    if (up) {
      socket.writeTextMessage(m.json());
    }
  }

  /** Sends now, or after the next hello; lost if the agent stops before that. */
  public void sendTransient(JsonObject message) {
    String text = message.encode();
    if (up) {
      socket.writeTextMessage(text);
    } else if (queued.size() < MAX_QUEUED) {
      queued.add(text);
    }
  }

  private void connect() {
    reconnectTimer = -1;
    if (stopped) {
      return;
    }
    boolean tls = "https".equals(server.getScheme()) || "wss".equals(server.getScheme());
    int port = server.getPort() > 0 ? server.getPort() : (tls ? 443 : 80);
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost(server.getHost())
        .setPort(port).setSsl(tls).setURI(PATH);
    client.connect(options).onComplete(ar -> {
      if (ar.succeeded()) {
        opened(ar.result());
      } else {
        // say it once, not on every retry of a long outage
        if (failedAttempts++ == 0) {
          LOG.info("server {} not reachable ({}); retrying", server, ar.cause().getMessage());
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
      case "ack" -> acked(m.getString("id"));
      case "error" -> refused(m);
      default -> handler.onCommand(m);
    }
  }

  private void hello(JsonObject m) {
    up = true;
    failedAttempts = 0;
    backoff.reset();
    LOG.info("linked to {} as {}", server, m.getJsonObject("device", new JsonObject()).encode());
    for (OutboxMessage pending : outbox.pending()) {
      socket.writeTextMessage(pending.json());
    }
    while (!queued.isEmpty()) {
      socket.writeTextMessage(queued.poll());
    }
    handler.onHello(m);
  }

  private void acked(String id) {
    if (id != null) {
      outbox.remove(id);
      handler.onAck(id);
    }
  }

  /** A refused message will be refused again: drop it from the outbox rather than loop forever. */
  private void refused(JsonObject m) {
    LOG.warn("server refused {}: {} {}", m.getString("id"), m.getString("code"),
        m.getString("message"));
    if (m.getString("id") != null) {
      outbox.remove(m.getString("id"));
    }
  }

  private void closed(WebSocket ws) {
    if (ws != socket) {
      return;
    }
    boolean wasUp = up;
    up = false;
    socket = null;
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
