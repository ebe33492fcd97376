package cn.suixin.hall.server.web;

import java.time.Duration;

/**
 * How long a connection may stay silent or half-sent before the server closes it, so sockets that
 * will never be used again do not pile up. Set in seconds (decimals allowed) with system
 * properties, read when the HTTP face starts:
 *
 * <ul>
 *   <li>{@code suixin.http.idle} (60): nothing read from a connection for this long closes it; a
 *       keep-alive connection must also complete its next request within it;
 *   <li>{@code suixin.http.request} (10): a request's head and body must arrive within this,
 *       however slowly they trickle in, and so must the first request of a new connection;
 *   <li>{@code suixin.ws.ping} (20): every live socket is pinged this often, so a healthy screen
 *       answers with a pong well within {@code idle} and stays open for days;
 *   <li>{@code suixin.ws.fragment} (10): a WebSocket message begun in fragments must end within
 *       this.
 * </ul>
 */
public record SocketTimeouts(Duration idle, Duration request, Duration ping, Duration fragment) {
  /** Biggest client message: live and agent messages are small JSON objects. */
  public static final int MAX_MESSAGE_BYTES = 64 * 1024;

  public SocketTimeouts {
    if (ping.compareTo(idle) >= 0) {
      throw new IllegalArgumentException(
          "suixin.ws.ping ("
              + ping
              + ") must be shorter than suixin.http.idle ("
              + idle
              + "), or healthy live screens would be closed as idle");
    }
  }

  public static SocketTimeouts fromSystemProperties() {
    return new SocketTimeouts(
        seconds("suixin.http.idle", 60),
        seconds("suixin.http.request", 10),
        seconds("suixin.ws.ping", 20),
        seconds("suixin.ws.fragment", 10));
  }

  private static Duration seconds(String property, double fallback) {
    String text = System.getProperty(property);
    double s;
    try {
      s = text == null ? fallback : Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(property + " must be a number of seconds: " + text);
    }
    if (!(s > 0) || s > 86_400) {
      throw new IllegalArgumentException(
          property + " must be more than 0 and at most 86400 seconds: " + text);
    }
    return Duration.ofMillis(Math.round(s * 1000));
  }
}
