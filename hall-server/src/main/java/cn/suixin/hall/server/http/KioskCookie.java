package cn.suixin.hall.server.http;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * The kiosk's device identity, given once at enrolment and kept by its browser: HttpOnly so no
 * script reads it, SameSite=Strict so no other site's page sends it, Path=/ for the page, its API
 * calls and its live socket. A token in the page address leaked to history and referrers.
 *
 * <p>A request authenticated by this cookie that changes something must also carry {@code
 * X-Suixin-Kiosk: 1}. SameSite alone stops other sites, but not a page on a sibling host of the
 * same site (another service under the bureau's domain); a custom header cannot be set by a form,
 * and a cross-origin script that sets one needs a CORS preflight this server never grants. An
 * Origin check would need to know the public host behind every proxy; the header does not.
 */
final class KioskCookie {
  static final String NAME = "sx_kiosk";
  static final String HEADER = "X-Suixin-Kiosk";

  /** Chromium caps a cookie's lifetime at 400 days; each kiosk page load renews it. */
  private static final long MAX_AGE_SECONDS = 400L * 24 * 3600;

  private KioskCookie() {}

  static String read(HttpServerRequest request) {
    Cookie c = request.getCookie(NAME);
    return c == null || c.getValue().isBlank() ? null : c.getValue();
  }

  static void set(HttpServerRequest request, HttpServerResponse response, String token) {
    response.addCookie(
        Cookie.cookie(NAME, token)
            .setPath("/")
            .setHttpOnly(true)
            .setSameSite(CookieSameSite.STRICT)
            .setSecure(secure(request))
            .setMaxAge(MAX_AGE_SECONDS));
  }

  /** Renews the cookie a kiosk already has, so a kiosk in daily use never reaches the cap. */
  static void renew(HttpServerRequest request, HttpServerResponse response) {
    String token = read(request);
    if (token != null) {
      set(request, response, token);
    }
  }

  /**
   * Whether a cookie-authenticated request may go on: reading is always safe; a change needs the
   * kiosk header.
   */
  static boolean mayChange(HttpServerRequest request) {
    return reads(request) || "1".equals(request.getHeader(HEADER));
  }

  static boolean reads(HttpServerRequest request) {
    HttpMethod m = request.method();
    return m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
  }

  /**
   * Secure when the browser talks HTTPS: directly, or to the proxy in front (X-Forwarded-Proto).
   * Trusting that header here is harmless: a forged one only makes the sender's own cookie
   * stricter.
   */
  private static boolean secure(HttpServerRequest request) {
    return "https".equalsIgnoreCase(request.scheme())
        || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
  }
}
