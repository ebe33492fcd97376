package cn.suixin.hall.server.agent;

import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.codec.StrictJson;
import cn.suixin.hall.server.hall.Addresses;
import cn.suixin.hall.server.live.CloseCodes;
import cn.suixin.hall.server.live.SocketWatch;
import cn.suixin.hall.server.web.FreeText;
import cn.suixin.hall.server.web.Problem;
import cn.suixin.hall.server.web.SocketContext;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One agent's socket: the auth message first, then hello, then the hall's events that concern this
 * agent out and its requests in. Requests with an id are answered only once their effect is durable
 * in the hall's journal.
 */
final class AgentConnection {
  private enum State {
    AUTHENTICATING,
    LIVE,
    CLOSED
  }

  private static final Logger LOG = LoggerFactory.getLogger(AgentConnection.class);
  private static final long AUTH_TIMEOUT_MS = 5_000;
  private final Vertx vertx;
  private final SocketContext ctx;
  private final ServerWebSocket ws;
  private State state = State.AUTHENTICATING;
  private long authTimer = -1;
  private Principal agent;
  private AgentFeed feed;
  private AgentRequests requests;
  private MessageConsumer<JsonObject> events;
  private SocketWatch watch;

  AgentConnection(Vertx vertx, SocketContext ctx, ServerWebSocket ws) {
    this.vertx = vertx;
    this.ctx = ctx;
    this.ws = ws;
  }

  void start() {
    watch = SocketWatch.start(vertx, ws, ctx.sockets());
    ws.closeHandler(v -> closed());
    ws.exceptionHandler(t -> close(CloseCodes.BAD_MESSAGE, "protocol error"));
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> close(CloseCodes.BAD_MESSAGE, "text JSON only"));
    authTimer =
        vertx.setTimer(
            AUTH_TIMEOUT_MS,
            id -> {
              if (state == State.AUTHENTICATING) {
                close(CloseCodes.HANDSHAKE_TIMEOUT, "no auth message");
              }
            });
  }

  private void onText(String text) {
    JsonObject m;
    try {
      m =
          StrictJson.parse(text) instanceof JsonObject o && o.getValue("type") instanceof String
              ? o
              : null;
    } catch (BadField e) {
      m = null;
    }
    if (m == null) {
      close(CloseCodes.BAD_MESSAGE, "expected a JSON object with a type");
    } else if (state == State.AUTHENTICATING) {
      if (!"auth".equals(m.getString("type"))) {
        close(CloseCodes.BAD_MESSAGE, "auth first");
      } else {
        vertx.cancelTimer(authTimer);
        authenticate(m.getValue("token") instanceof String t ? t : null);
      }
    } else if (state == State.LIVE) {
      onRequest(m);
    }
  }

  private void authenticate(String token) {
    ctx.accounts()
        .authenticate(token)
        .onComplete(
            ar -> {
              if (state != State.AUTHENTICATING) {
                return; // the agent went away meanwhile
              }
              Principal p = ar.succeeded() ? ar.result() : null;
              HallConfig h =
                  p == null || !p.is(Role.AGENT) || p.hall() == null
                      ? null
                      : ctx.city().halls().stream()
                          .filter(c -> c.id().value().equals(p.hall()))
                          .findFirst()
                          .orElse(null);
              if (h == null) {
                close(CloseCodes.NOT_ALLOWED, "not an agent of a known hall");
                return;
              }
              agent = p;
              feed = new AgentFeed(p, h, ctx.accounts(), ctx.gateway(), ctx.links());
              requests = new AgentRequests(vertx, ctx.gateway(), p);
              // subscribe before hello, so nothing that happens after hello is missed
              events =
                  vertx
                      .eventBus()
                      .consumer(Addresses.events(h.id().value()), msg -> onEvent(msg.body()));
              events
                  .completion()
                  .onComplete(
                      v -> {
                        if (state != State.AUTHENTICATING) {
                          return;
                        }
                        state = State.LIVE;
                        send(AgentMessages.hello(p, h, Instant.now()));
                        publishStatus("link", "OK", "connected");
                      });
            });
  }

  private void onEvent(JsonObject event) {
    feed.toAgent(event)
        .onComplete(
            ar -> {
              if (ar.failed()) {
                LOG.warn(
                    "agent {}: cannot forward {} seq {}: {}",
                    agent.id(),
                    event.getString("type"),
                    event.getValue("seq"),
                    ar.cause().getMessage());
              } else if (ar.result() != null) {
                send(ar.result());
              }
            });
  }

  private void onRequest(JsonObject m) {
    String id = m.getValue("id") instanceof String s ? s : null;
    switch (m.getString("type")) {
      case "ping" -> send(new JsonObject().put("type", "pong"));
      case "printed", "auth" -> LOG.debug("agent {}: {}", agent.id(), m.encode());
      case "rating.timeout" -> acked(id, Future.succeededFuture());
      case "device.status" -> acked(id, deviceStatus(m));
      case "rating" -> acked(id, requests.rate(m));
      case "offline.block.request" ->
          acked(
              id,
              requests
                  .reserveBlock(m)
                  .map(
                      block -> {
                        send(AgentMessages.offlineBlock(block));
                        return block;
                      }));
      case "offline.tickets" -> acked(id, requests.admitOffline(m));
      default ->
          acked(
              id, Future.failedFuture(Problem.badField("type", "unknown message type", "未知的消息类型")));
    }
  }

  private Future<Void> deviceStatus(JsonObject m) {
    if (!(m.getValue("device") instanceof String part) || !Json.isId(part)) {
      return Future.failedFuture(
          Problem.badField(
              "device", "is required: a device part such as printer", "为必填项：设备部件，如 printer"));
    }
    if (!(m.getValue("status") instanceof String status) || !Json.isId(status)) {
      return Future.failedFuture(
          Problem.badField(
              "status", "is required: a status such as PAPER_OUT", "为必填项：状态，如 PAPER_OUT"));
    }
    // staff read the detail on the devices list: an ID or phone number in it is masked like free
    // text
    publishStatus(part, status, m.getValue("detail") instanceof String d ? FreeText.mask(d) : "");
    return Future.succeededFuture();
  }

  private void publishStatus(String part, String status, String detail) {
    DeviceBoard.publish(vertx, agent, part, status, detail);
  }

  /**
   * Ack once durable. A hall that stays unreachable gets no answer: the agent keeps the message and
   * resends it on its next connection, whereas an error would make it drop the message.
   */
  private void acked(String id, Future<?> done) {
    done.onComplete(
        ar -> {
          if (ar.succeeded()) {
            if (id != null) {
              send(AgentMessages.ack(id));
            }
          } else if (ar.cause() instanceof Problem p && p.status() == 503) {
            LOG.info(
                "agent {}: hall unavailable, message {} left for the agent to resend",
                agent.id(),
                id);
          } else {
            if (!(ar.cause() instanceof Problem)) {
              LOG.error("agent {}: message {} failed", agent.id(), id, ar.cause());
            }
            send(AgentMessages.error(id, ar.cause()));
          }
        });
  }

  private void send(JsonObject m) {
    if (state == State.CLOSED) {
      return;
    }
    if (ws.writeQueueFull()) {
      close(CloseCodes.TRY_AGAIN_LATER, "too slow");
      return;
    }
    ws.writeTextMessage(m.encode());
  }

  private void close(short code, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    closed();
    ws.close(code, reason);
  }

  private void closed() {
    if (state == State.CLOSED) {
      return;
    }
    boolean wasLive = state == State.LIVE;
    state = State.CLOSED;
    vertx.cancelTimer(authTimer);
    watch.stop();
    if (events != null) {
      events.unregister();
    }
    if (wasLive) {
      publishStatus("link", "OFFLINE", "disconnected");
    }
  }
}
