package cn.suixin.hall.server.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/** Health, readiness, Prometheus metrics and the OpenAPI document. */
public final class Ops {
  private final PrometheusMeterRegistry registry;
  private final BooleanSupplier ready;
  private final String openApi;

  public Ops(PrometheusMeterRegistry registry, BooleanSupplier ready) {
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
    boolean ok = ready.getAsBoolean();
    Responses.json(rc, ok ? 200 : 503, new JsonObject().put("status", ok ? "READY" : "STARTING"));
  }

  void metrics(RoutingContext rc) {
    rc.response().putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape());
  }

  void openApi(RoutingContext rc) {
    rc.response().putHeader("Content-Type", "application/yaml; charset=utf-8").end(openApi);
  }
}
