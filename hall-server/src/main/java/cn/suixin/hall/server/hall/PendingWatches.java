package cn.suixin.hall.server.hall;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watchdogs of the halls owned on this node, with their Prometheus gauges {@code
 * suixin_hall_oldest_pending_seconds{hall}} and {@code suixin_hall_stalled{hall}} (0 or 1). A hall
 * is stalled when a command has waited longer than {@code -Dsuixin.stall.seconds}, 5 s by default:
 * a group commit takes milliseconds, and after 3 s the caller has been told 503 already.
 */
public final class PendingWatches {
  public static final Duration DEFAULT_STALL = Duration.ofSeconds(5);
  private final MeterRegistry registry;
  private final Duration stallAfter;
  private final Map<String, Watched> watches = new ConcurrentHashMap<>();

  private record Watched(PendingWatch watch, List<Meter> meters) {}

  public PendingWatches(MeterRegistry registry, Duration stallAfter) {
    this.registry = registry;
    this.stallAfter = stallAfter;
  }

  /** With the threshold {@code -Dsuixin.stall.seconds} gives, or the default. */
  public static PendingWatches fromSystemProperties(MeterRegistry registry) {
    String seconds = System.getProperty("suixin.stall.seconds");
    if (seconds == null || seconds.isBlank()) {
      return new PendingWatches(registry, DEFAULT_STALL);
    }
    try {
      double s = Double.parseDouble(seconds);
      if (!(s > 0)) {
        throw new NumberFormatException();
      }
      return new PendingWatches(registry, Duration.ofNanos((long) (s * 1e9)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "-Dsuixin.stall.seconds must be a number of seconds above 0: " + seconds);
    }
  }

  public Duration stallAfter() {
    return stallAfter;
  }

  /** The watch of a hall whose owner starts here; its gauges show from now on. */
  PendingWatch watch(String hall) {
    Watched earlier = watches.remove(hall);
    if (earlier != null) {
      earlier.meters().forEach(registry::remove);
    }
    PendingWatch w = new PendingWatch(hall, stallAfter.toNanos());
    List<Meter> meters =
        List.of(
            Gauge.builder(
                    "suixin_hall_oldest_pending_seconds", w, PendingWatch::oldestPendingSeconds)
                .description("How long the hall's oldest unanswered command has waited")
                .tag("hall", hall)
                .strongReference(true)
                .register(registry),
            Gauge.builder("suixin_hall_stalled", w, x -> x.stalled() ? 1 : 0)
                .description(
                    "1 while the hall's oldest command has waited longer than the stall threshold")
                .tag("hall", hall)
                .strongReference(true)
                .register(registry));
    watches.put(hall, new Watched(w, meters));
    return w;
  }

  /** The hall's owner stopped here (shutdown, or the hall moved to another node). */
  void release(PendingWatch w) {
    Watched watched = watches.get(w.hall());
    if (watched != null && watched.watch() == w && watches.remove(w.hall(), watched)) {
      watched.meters().forEach(registry::remove);
    }
  }

  /** The halls of this node that are stalled now, each with its oldest command's age in seconds. */
  public Map<String, Double> stalled() {
    Map<String, Double> stalled = new TreeMap<>();
    watches
        .values()
        .forEach(
            x -> {
              if (x.watch().stalled()) {
                // rounded up to tenths: a hall just past a 5 s threshold must not read as "5.0",
                // not stalled
                stalled.put(
                    x.watch().hall(), Math.ceil(x.watch().oldestPendingSeconds() * 10) / 10.0);
              }
            });
    return stalled;
  }
}
