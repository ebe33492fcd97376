package cn.suixin.hall.server.http;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.CityConfig;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.identity.IdNumbers;
import cn.suixin.hall.server.live.LiveHub;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The routes {@link ApiRouter} really registers, read from a router built the way the server builds
 * it, so route tables in tests cannot drift from the code.
 */
final class RegisteredRoutes {
  /** One method on one exact path, the path written the OpenAPI way ({@code {hall}}). */
  record Endpoint(HttpMethod method, String path) {
    @Override
    public String toString() {
      return method.name() + " " + path;
    }
  }

  private RegisteredRoutes() {}

  /**
   * Every exact-path route with its methods; prefix routes (handlers for {@code /api/*}) are left
   * out.
   */
  static List<Endpoint> all() {
    Vertx vertx = Vertx.vertx();
    try {
      CityConfig city = new ConfigLoader().load(Path.of("..", "config"));
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      ApiContext ctx =
          new ApiContext(
              vertx,
              city,
              new Accounts(vertx, null, Clock.systemUTC()),
              new IdNumbers(new byte[16]),
              registry,
              6);
      Router router =
          ApiRouter.create(
              vertx,
              ctx,
              new LiveHub(vertx, new AtomicInteger()),
              new Ops(
                  registry, () -> Future.succeededFuture(new JsonObject().put("status", "READY"))));
      List<Endpoint> endpoints = new ArrayList<>();
      for (Route route : router.getRoutes()) {
        if (route.getPath() == null || !route.isExactPath() || route.methods() == null) {
          continue;
        }
        String path = route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
        route.methods().forEach(m -> endpoints.add(new Endpoint(m, path)));
      }
      return endpoints;
    } finally {
      vertx.close();
    }
  }

  /** The routes that change something: every POST. */
  static List<Endpoint> mutating() {
    return all().stream().filter(e -> e.method() == HttpMethod.POST).toList();
  }
}
