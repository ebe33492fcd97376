package cn.suixin.hall.server.live;

import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Principal;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.codec.StrictJson;
import cn.suixin.hall.server.hall.HallGateway;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * One live socket: authenticates staff, sends a snapshot (or what was missed since the client's
 * sequence number), then every event in order. A gap makes it resync; a client too slow to keep up
 * is closed rather than allowed to hold the hall back.
 */
final class ScreenConnection {
  private enum State {
    AUTHENTICATING,
    SYNCING,
    LIVE,
    CLOSED
  }

  private static final long AUTH_TIMEOUT_MS = 5_000;
  private final Vertx vertx;
  private final LiveHub hub;
  private final HallGateway gateway;
  private final Accounts accounts;
  private final String hall;
  private final ServerWebSocket ws;
  private final List<JsonObject> heldBack = new ArrayList<>();
  private final boolean staff;
  private State state;
  private long lastSeq;
  private long authTimer = -1;

  ScreenConnection(
      Vertx vertx,
      LiveHub hub,
      HallGateway gateway,
      Accounts accounts,
      String hall,
      ServerWebSocket ws,
      boolean staff,
      long since) {
    this.vertx = vertx;
    this.hub = hub;
    this.gateway = gateway;
    this.accounts = accounts;
    this.hall = hall;
    this.ws = ws;
    this.lastSeq = since;
    this.staff = staff;
    this.state = staff ? State.AUTHENTICATING : State.SYNCING;
  }

  void start(SocketWatch watch) {
    hub.join(hall, this);
    ws.closeHandler(
        v -> {
          state = State.CLOSED;
          hub.leave(hall, this);
          vertx.cancelTimer(authTimer);
          watch.stop();
        });
    ws.exceptionHandler(t -> close(CloseCodes.BAD_MESSAGE, "protocol error"));
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(b -> close(CloseCodes.BAD_MESSAGE, "text JSON only"));
    if (state == State.AUTHENTICATING) {
      authTimer =
          vertx.setTimer(
              AUTH_TIMEOUT_MS,
              id -> {
                if (state == State.AUTHENTICATING) {
                  close(CloseCodes.HANDSHAKE_TIMEOUT, "no auth message");
                }
              });
    } else {
      sync();
    }
  }

  private void onText(String text) {
    JsonObject msg;
    try {
      if (!(StrictJson.parse(text) instanceof JsonObject o)
          || !(o.getValue("type") instanceof String)) {
        close(CloseCodes.BAD_MESSAGE, "expected a JSON object with a type");
        return;
      }
      msg = o;
    } catch (BadField e) {
      close(CloseCodes.BAD_MESSAGE, "malformed JSON");
      return;
    }
    String type = msg.getString("type");
    if ("auth".equals(type) && state == State.AUTHENTICATING) {
      authenticate(msg.getValue("token") instanceof String t ? t : null);
    } else if ("ping".equals(type)) {
      send(new JsonObject().put("type", "pong").put("seq", lastSeq));
    } else if (!"auth".equals(type)) {
      close(CloseCodes.BAD_MESSAGE, "unknown message type");
    }
  }

  private void authenticate(String token) {
    vertx.cancelTimer(authTimer);
    accounts
        .authenticate(token)
        .onComplete(
            ar -> {
              Principal p = ar.succeeded() ? ar.result() : null;
              if (p == null || !p.belongsTo(hall) || p.is(Role.KIOSK)) {
                close(CloseCodes.NOT_ALLOWED, "not allowed");
                return;
              }
              state = State.SYNCING;
              sync();
            });
  }

  private void sync() {
    if (state == State.CLOSED) {
      return;
    }
    state = State.SYNCING;
    JsonObject q =
        lastSeq > 0
            ? new JsonObject().put("type", "since").put("seq", lastSeq)
            : new JsonObject().put("type", "snapshot");
    gateway
        .query(hall, q)
        .onComplete(
            ar -> {
              if (state == State.CLOSED) {
                return;
              }
              if (ar.failed()) {
                // the hall is moving or down: keep the socket, try again shortly; screens keep
                // their last state
                vertx.setTimer(1000, id -> sync());
                return;
              }
              JsonObject r = ar.result();
              if ("replay".equals(r.getString("type"))) {
                JsonArray missed = r.getJsonArray("messages");
                for (int i = 0; i < missed.size(); i++) {
                  sendEvent(missed.getJsonObject(i), null);
                }
              } else {
                send(r);
                lastSeq = r.getLong("seq");
              }
              state = State.LIVE;
              List<JsonObject> held = new ArrayList<>(heldBack);
              heldBack.clear();
              held.forEach(m -> onEvent(m, null));
            });
  }

  void onEvent(JsonObject m, Buffer encoded) {
    if (state == State.SYNCING) {
      heldBack.add(m);
    } else if (state == State.LIVE) {
      if ("snapshot".equals(m.getString("type"))) {
        send(m);
        lastSeq = m.getLong("seq");
        return;
      }
      long seq = m.getLong("seq");
      if (seq <= lastSeq) {
        return;
      }
      if (seq != lastSeq + 1) {
        heldBack.add(m);
        sync();
        return;
      }
      sendEvent(m, encoded);
    }
  }

  /** Messages for authenticated staff only, such as device alerts. */
  void onStaffMessage(JsonObject m) {
    if (staff && state == State.LIVE) {
      send(m);
    }
  }

  private void sendEvent(JsonObject m, Buffer encoded) {
    long seq = m.getLong("seq");
    if (seq <= lastSeq) {
      return;
    }
    lastSeq = seq;
    write(encoded != null ? encoded : m.toBuffer());
  }

  private void send(JsonObject m) {
    write(m.toBuffer());
  }

  private void write(Buffer b) {
    if (state == State.CLOSED) {
      return;
    }
    if (ws.writeQueueFull()) {
      close(CloseCodes.TRY_AGAIN_LATER, "too slow");
      return;
    }
    ws.writeTextMessage(b.toString());
  }

  void close(short code, String reason) {
    if (state == State.CLOSED) {
      return;
    }
    state = State.CLOSED;
    hub.leave(hall, this);
    ws.close(code, reason);
  }
}
