package cn.suixin.hall.server.live;

import cn.suixin.hall.server.web.SocketTimeouts;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;

/**
 * Keeps a live socket honest. A hall screen may only listen for hours, so the server pings it:
 * every browser and WebSocket client answers a ping by itself, the pong counts as traffic, and the
 * server's read-idle timeout closes only a peer that stopped answering (a screen switched off, a
 * cable pulled, a NAT that forgot the connection). A message begun in fragments and never finished
 * would hold the socket open between pongs: it is closed with 1008.
 */
public final class SocketWatch {
  static final short UNFINISHED_MESSAGE = 1008;
  private final Vertx vertx;
  private final ServerWebSocket ws;
  private final long fragmentMs;
  private final long pinger;
  private long fragmentTimer = -1;

  private SocketWatch(Vertx vertx, ServerWebSocket ws, SocketTimeouts timeouts) {
    this.vertx = vertx;
    this.ws = ws;
    this.fragmentMs = timeouts.fragment().toMillis();
    this.pinger =
        vertx.setPeriodic(
            timeouts.ping().toMillis(),
            id -> {
              if (!ws.isClosed()) {
                ws.writePing(Buffer.buffer());
              }
            });
    ws.frameHandler(this::onFrame);
  }

  /** Watches the socket until {@link #stop()}; call it from the socket's close handling. */
  public static SocketWatch start(Vertx vertx, ServerWebSocket ws, SocketTimeouts timeouts) {
    return new SocketWatch(vertx, ws, timeouts);
  }

  private void onFrame(WebSocketFrame frame) {
    if ((frame.isText() || frame.isBinary()) && !frame.isFinal() && fragmentTimer < 0) {
      fragmentTimer =
          vertx.setTimer(
              fragmentMs,
              id -> {
                fragmentTimer = -1;
                ws.close(UNFINISHED_MESSAGE, "message not finished in time");
              });
    } else if (frame.isContinuation() && frame.isFinal() && fragmentTimer >= 0) {
      vertx.cancelTimer(fragmentTimer);
      fragmentTimer = -1;
    }
  }

  public void stop() {
    vertx.cancelTimer(pinger);
    if (fragmentTimer >= 0) {
      vertx.cancelTimer(fragmentTimer);
    }
  }
}
