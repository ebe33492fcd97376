package cn.suixin.hall.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/** Health, readiness, Prometheus metrics and the OpenAPI document. */
public final class Ops {
  private final PrometheusMeterRegistry registry;
  private final Supplier<Future<JsonObject>> ready;
  private final String openApi;

  /**
   * @param ready the node's readiness report: {@code status} READY, or not (see ops.Readiness)
   */
  public Ops(PrometheusMeterRegistry registry, Supplier<Future<JsonObject>> ready) {
    this.registry = registry;
    this.ready = ready;
    this.openApi = resource("openapi.yaml");
  }

  static String resource(String name) {
    try (InputStream in = Ops.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException(name + " missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  void health(RoutingContext rc) {
    Responses.json(rc, 200, new JsonObject().put("status", "UP"));
  }

  void ready(RoutingContext rc) {
    ready
        .get()
        .onComplete(
            ar -> {
              JsonObject report =
                  ar.succeeded()
                      ? ar.result()
                      : new JsonObject()
                          .put("status", "NOT_READY")
                          .put("detail", "the readiness checks failed to run");
              Responses.json(rc, "READY".equals(report.getString("status")) ? 200 : 503, report);
            });
  }

  void metrics(RoutingContext rc) {
    rc.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
        .end(registry.scrape());
  }

  void openApi(RoutingContext rc) {
    rc.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi);
  }
}
