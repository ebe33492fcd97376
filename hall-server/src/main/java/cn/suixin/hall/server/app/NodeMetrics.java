package cn.suixin.hall.server.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxBuilder;
import io.vertx.core.VertxOptions;
import io.vertx.micrometer.Label;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import java.util.EnumSet;
import java.util.UUID;

/**
 * Vert.x's own meters (HTTP server requests, WebSocket connections, event-bus handlers and pending
 * messages) and the JVM's (memory, GC, threads, class loading, processor, uptime), in the registry
 * /metrics scrapes. HTTP meters are labelled by route template, never by the raw path: a ticket id
 * in a path would make a new time series per ticket.
 */
final class NodeMetrics {
  private NodeMetrics() {}

  /** A Vert.x builder whose instance reports into {@code registry}. */
  static VertxBuilder builder(PrometheusMeterRegistry registry, VertxOptions options) {
    // Vert.x keeps its backends in one JVM-wide map by registry name: a name of its own per node,
    // so that nodes sharing a JVM, as tests do, each scrape their own meters.
    MicrometerMetricsOptions metrics =
        new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true)
            .setRegistryName("suixin-" + UUID.randomUUID())
            .setLabels(
                EnumSet.of(
                    Label.HTTP_METHOD,
                    Label.HTTP_CODE,
                    Label.HTTP_ROUTE,
                    Label.EB_SIDE,
                    Label.POOL_TYPE,
                    Label.POOL_NAME));
    return Vertx.builder()
        .with(options.setMetricsOptions(metrics))
        .withMetrics(new MicrometerMetricsFactory(registry));
  }
}
