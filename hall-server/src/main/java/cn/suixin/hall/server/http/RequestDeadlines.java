package cn.suixin.hall.server.http;

import cn.suixin.hall.server.web.SocketTimeouts;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * Deadlines an idle timeout cannot give. The server's read-idle timeout closes a silent connection,
 * but one byte every few seconds keeps it from ever being silent: a request must therefore arrive
 * whole within {@link SocketTimeouts#request()}, and a kept-alive connection must bring its next
 * request within {@link SocketTimeouts#idle()}. A WebSocket upgrade leaves the connection to the
 * socket's own watch ({@code SocketWatch}); HTTP/2 streams share one connection, and are left to
 * the read-idle timeout.
 *
 * <p>One per HTTP verticle instance: its connections all live on that instance's event loop.
 */
final class RequestDeadlines {
  private final Vertx vertx;
  private final long requestMs;
  private final long idleMs;
  private final Map<HttpConnection, Long> timers = new HashMap<>();

  RequestDeadlines(Vertx vertx, SocketTimeouts timeouts) {
    this.vertx = vertx;
    this.requestMs = timeouts.request().toMillis();
    this.idleMs = timeouts.idle().toMillis();
  }

  /** For {@code HttpServer.connectionHandler}: the first request must come in time. */
  void opened(HttpConnection connection) {
    arm(connection, requestMs);
    connection.closeHandler(v -> cancel(connection));
  }

  /**
   * Before the router: this request must be read whole in time, the next one must follow in time.
   */
  void request(HttpServerRequest request) {
    HttpConnection connection = request.connection();
    if (!timers.containsKey(connection)) {
      return;
    }
    if (request.version() == HttpVersion.HTTP_2 || request.canUpgradeToWebSocket()) {
      cancel(connection);
      return;
    }
    arm(connection, requestMs);
    // The next request's wait starts when this answer has gone out, not when the request was read:
    // a slow answer (a year's report, a login queued for its hash) must not cost the connection.
    request
        .response()
        .endHandler(
            v -> {
              if (timers.containsKey(connection)) {
                arm(connection, idleMs);
              }
            });
    try {
      request
          .end()
          .onComplete(
              ar -> {
                if (!request.response().ended()) {
                  pause(connection);
                }
              });
    } catch (IllegalStateException alreadyEnded) {
      if (!request.response().ended()) {
        pause(connection);
      }
    }
  }

  /** The request is in; the server is working on it: no deadline until the answer is sent. */
  private void pause(HttpConnection connection) {
    Long old = timers.put(connection, -1L);
    if (old != null && old >= 0) {
      vertx.cancelTimer(old);
    }
  }

  private void arm(HttpConnection connection, long ms) {
    Long old =
        timers.put(
            connection,
            vertx.setTimer(
                ms,
                id -> {
                  if (timers.remove(connection, id)) {
                    connection.close();
                  }
                }));
    if (old != null && old >= 0) {
      vertx.cancelTimer(old);
    }
  }

  private void cancel(HttpConnection connection) {
    Long old = timers.remove(connection);
    if (old != null && old >= 0) {
      vertx.cancelTimer(old);
    }
  }
}
