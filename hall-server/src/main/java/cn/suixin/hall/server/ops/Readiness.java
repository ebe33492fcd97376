package cn.suixin.hall.server.ops;

import cn.suixin.hall.server.hall.Addresses;
import cn.suixin.hall.server.hall.PendingWatches;
import cn.suixin.hall.store.JournalStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.CheckResult;
import io.vertx.ext.healthchecks.HealthChecks;
import io.vertx.ext.healthchecks.Status;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether this node should get traffic, for /ready: a load balancer polls it about once a second.
 * Four checks, each with its own timeout so a wedged store or a stalled hall makes the answer a
 * quick 503 rather than a slow one:
 *
 * <ul>
 *   <li>{@code started}: every hall owner of this node has been deployed (journals replayed);
 *   <li>{@code store}: the journal store answers a ping;
 *   <li>{@code halls}: every hall of the configuration has an owner, here or on another node, that
 *       answers a probe over the event bus within a second;
 *   <li>{@code pending}: no hall owned here has a command older than the watchdog's threshold.
 * </ul>
 *
 * A hall that refused to start here (a damaged journal waiting for an operator's repair) is left
 * out of {@code halls} and listed under {@code refused} instead: the node stays ready, because
 * taking it out of the load balancer would close every other hall it serves too. Polls that arrive
 * while a check is running share its answer, so many pollers cost no more.
 */
public final class Readiness {
  private static final long PROBE_MILLIS = 1_000;
  private static final long STORE_MILLIS = 2_000;
  private final HealthChecks checks;
  private final AtomicReference<Future<JsonObject>> running = new AtomicReference<>();

  private final Supplier<Map<String, String>> refused;

  public Readiness(
      Vertx vertx,
      List<String> halls,
      JournalStore store,
      PendingWatches watches,
      BooleanSupplier started,
      Supplier<Map<String, String>> refused) {
    this.refused = refused;
    this.checks =
        HealthChecks.create(vertx)
            .register(
                "started",
                p ->
                    p.complete(
                        started.getAsBoolean()
                            ? Status.OK()
                            : Status.KO(
                                new JsonObject()
                                    .put(
                                        "detail",
                                        "hall owners are still replaying their journals"))))
            .register("store", STORE_MILLIS, p -> ping(store, p))
            .register(
                "halls",
                PROBE_MILLIS + 500,
                p ->
                    probe(
                        vertx,
                        halls.stream().filter(h -> !refused.get().containsKey(h)).toList(),
                        p))
            .register("pending", p -> stalled(watches, p));
  }

  /**
   * {@code {"status": "READY", "checks": {...}}} or {@code "NOT_READY"} with the failed checks
   * named.
   */
  public Future<JsonObject> check() {
    Future<JsonObject> current = running.get();
    if (current != null && !current.isComplete()) {
      return current;
    }
    Future<JsonObject> next = checks.checkStatus().map(this::report);
    running.set(next);
    return next;
  }

  private static void ping(JournalStore store, Promise<Status> p) {
    Future<Void> ping;
    try {
      ping = store.ping();
    } catch (RuntimeException e) {
      ping = Future.failedFuture(e);
    }
    ping.onComplete(
        ar ->
            p.tryComplete(
                ar.succeeded()
                    ? Status.OK()
                    : Status.KO(
                        new JsonObject().put("detail", "the journal store does not answer"))));
  }

  private static void probe(Vertx vertx, List<String> halls, Promise<Status> p) {
    DeliveryOptions timeout = new DeliveryOptions().setSendTimeout(PROBE_MILLIS);
    Map<String, Object> silent = new ConcurrentSkipListMap<>();
    List<Future<Void>> probes =
        halls.stream()
            .map(
                hall ->
                    vertx
                        .eventBus()
                        .<JsonObject>request(
                            Addresses.queries(hall),
                            new JsonObject().put("type", "status"),
                            timeout)
                        .<Void>map(
                            reply -> {
                              if (!reply.body().getBoolean("ok", false)) {
                                silent.put(hall, reply.body().getString("detail", "not serving"));
                              }
                              return null;
                            })
                        .recover(
                            t -> {
                              silent.put(
                                  hall,
                                  t instanceof ReplyException r
                                      ? switch (r.failureType()) {
                                        case NO_HANDLERS -> "no owner";
                                        case TIMEOUT -> "no answer within " + PROBE_MILLIS + " ms";
                                        default -> "owner failed";
                                      }
                                      : "owner failed");
                              return Future.succeededFuture();
                            }))
            .toList();
    // every probe ends (answer, refusal or timeout), so this completes within the probe timeout
    Future.join(probes)
        .onComplete(
            ar ->
                p.tryComplete(
                    silent.isEmpty()
                        ? Status.OK()
                        : Status.KO(
                            new JsonObject().put("halls", new JsonObject(new TreeMap<>(silent))))));
  }

  private static void stalled(PendingWatches watches, Promise<Status> p) {
    Map<String, Double> stalled = watches.stalled();
    p.complete(
        stalled.isEmpty()
            ? Status.OK()
            : Status.KO(
                new JsonObject()
                    .put("stalled", new JsonObject(new TreeMap<String, Object>(stalled)))
                    .put("thresholdSeconds", watches.stallAfter().toMillis() / 1000.0)));
  }

  private JsonObject report(CheckResult all) {
    JsonObject checks = new JsonObject();
    JsonArray failed = new JsonArray();
    for (CheckResult c : all.getChecks()) {
      boolean up = CheckResult.isUp(c);
      JsonObject one = new JsonObject().put("up", up);
      if (c.getData() != null) {
        one.mergeIn(c.getData());
      }
      if (c.getFailure() != null) {
        one.put("detail", "no answer within the check's timeout");
      }
      checks.put(c.getId(), one);
      if (!up) {
        failed.add(c.getId());
      }
    }
    JsonObject report = new JsonObject().put("status", failed.isEmpty() ? "READY" : "NOT_READY");
    Map<String, String> closed = refused.get();
    if (!closed.isEmpty()) {
      report.put("refused", new JsonObject(new TreeMap<String, Object>(closed)));
    }
    return failed.isEmpty()
        ? report.put("checks", checks)
        : report.put("failed", failed).put("checks", checks);
  }
}
