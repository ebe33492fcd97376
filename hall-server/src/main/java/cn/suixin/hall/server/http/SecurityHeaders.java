package cn.suixin.hall.server.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * The browser-facing rules every response carries: pages, assets, API replies and every error.
 *
 * <p>Vert.x Web's {@code CSPHandler} and {@code XFrameHandler} put two of these headers, but only
 * on requests that reach the router; the core answers a malformed request (400, 414, 431) before
 * any route. One list, applied as the first route and in the server's invalid-request handler,
 * keeps both in step. Headers put here survive {@code rc.fail}: the failure handler and the
 * router's own 404/405 write onto the same response.
 *
 * <p>HSTS is left to the TLS-terminating proxy: this node speaks plain HTTP and cannot know whether
 * the whole host name is HTTPS-only.
 */
public final class SecurityHeaders {
  /**
   * Fitted to what the pages load: ES modules and style sheets from {@code /assets}, JSON and voice
   * clips by fetch (decoded by Web Audio, so no media-src), the live WebSocket on the same origin
   * ('self' covers ws: and wss: of the page's own host in CSP Level 3 browsers), the {@code data:,}
   * favicon that stops a /favicon.ico request. QR codes are inline SVG elements, not images. No
   * inline script or style attribute anywhere: styles are classes, element sizes are set through
   * CSSOM.
   */
  static final String CSP =
      String.join(
          "; ",
          "default-src 'none'",
          "script-src 'self'",
          "style-src 'self'",
          "img-src 'self' data:",
          "connect-src 'self'",
          "base-uri 'none'",
          "form-action 'self'",
          "frame-ancestors 'none'");

  /**
   * The city view asks for the phone's position to find the nearest hall; nothing uses the camera
   * or microphone. A kiosk that later scans QR codes needs {@code camera=(self)} here.
   */
  static final String PERMISSIONS =
      "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), serial=()";

  private static final Map<String, String> HEADERS =
      Map.of(
          "Content-Security-Policy", CSP,
          "X-Frame-Options", "DENY",
          "X-Content-Type-Options", "nosniff",
          // a ticket link carries its secret: no page may pass its address on
          "Referrer-Policy", "no-referrer",
          "Permissions-Policy", PERMISSIONS,
          "Cross-Origin-Opener-Policy", "same-origin",
          "Cross-Origin-Resource-Policy", "same-origin");

  private SecurityHeaders() {}

  /** First route of the router: every response of this request carries the headers. */
  static void handle(RoutingContext rc) {
    apply(rc.response());
    rc.next();
  }

  static void apply(HttpServerResponse response) {
    HEADERS.forEach(response::putHeader);
  }

  /**
   * For {@code HttpServer.invalidRequestHandler}: the core's own 400/414/431 answers, with the
   * headers.
   */
  public static Handler<HttpServerRequest> onInvalidRequest() {
    return request -> {
      apply(request.response());
      HttpServerRequest.DEFAULT_INVALID_REQUEST_HANDLER.handle(request);
    };
  }

  /** The header names, for tests. */
  public static Map<String, String> all() {
    return HEADERS;
  }
}
