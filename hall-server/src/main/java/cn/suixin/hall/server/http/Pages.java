package cn.suixin.hall.server.http;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.StaticHandler;

/** The browser faces of the hall, from the display-client jar's webroot/. */
final class Pages {
  private Pages() {}

  static void mount(Router router) {
    router
        .route("/assets/*")
        .handler(StaticHandler.create("webroot").setCachingEnabled(true).setMaxAgeSeconds(300));
    page(router, "/halls/:hall/screen", "screen.html");
    page(router, "/halls/:hall/windows/:window/screen", "window-screen.html");
    router
        .get("/halls/:hall/kiosk")
        .handler(
            rc -> {
              KioskCookie.renew(rc.request(), rc.response());
              send(rc, "kiosk.html");
            });
    page(router, "/halls/:hall/kiosk/enrol", "kiosk-enrol.html");
    page(router, "/halls/:hall/clerk", "clerk.html");
    page(router, "/halls/:hall/desk", "desk.html");
    page(router, "/halls/:hall/supervisor", "supervisor.html");
    page(router, "/t/:hall/:ticket", "phone.html");
    page(router, "/city", "city.html");
    router.get("/").handler(rc -> rc.redirect("/city"));
  }

  private static void page(Router router, String path, String file) {
    router.get(path).handler(rc -> send(rc, file));
  }

  private static void send(RoutingContext rc, String file) {
    rc.response()
        .putHeader("Content-Type", "text/html; charset=utf-8")
        .putHeader("Cache-Control", "no-cache")
        .sendFile("webroot/" + file)
        .onFailure(t -> rc.fail(404));
  }
}
