package cn.suixin.hall.server.hall;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The watchdog of one hall: how long its oldest unanswered command has waited. The owner writes it
 * on its event loop as commands arrive and batches are answered; readiness, the Prometheus scrape
 * and the owner's own timer read it from any thread, so the age keeps growing on screen even when
 * the owner is stuck and answers nothing.
 */
public final class PendingWatch {
  private static final Logger LOG = LoggerFactory.getLogger(PendingWatch.class);
  private static final long IDLE = Long.MIN_VALUE;
  private final String hall;
  private final long stallNanos;
  private final AtomicBoolean alerted = new AtomicBoolean();
  private volatile long oldestSince = IDLE;
  private volatile long stalledSince;

  PendingWatch(String hall, long stallNanos) {
    this.hall = hall;
    this.stallNanos = stallNanos;
  }

  public String hall() {
    return hall;
  }

  /** A command arrived; it is the oldest one if nothing else was waiting. */
  void arrived(long nanos) {
    if (oldestSince == IDLE) {
      oldestSince = nanos;
    }
  }

  /** Everything older has been answered: {@code next} (or nothing, if null) is the oldest now. */
  void answeredUpTo(PendingCommand next) {
    oldestSince = next == null ? IDLE : next.arrivedNanos();
  }

  public double oldestPendingSeconds() {
    long since = oldestSince;
    return since == IDLE ? 0 : Math.max(0, System.nanoTime() - since) / 1e9;
  }

  /**
   * Whether the oldest command has waited longer than the threshold. Says so in the log once when a
   * stall begins and once when it ends, whoever asks first.
   */
  public boolean stalled() {
    long since = oldestSince;
    long now = System.nanoTime();
    boolean stalled = since != IDLE && now - since > stallNanos;
    if (stalled && alerted.compareAndSet(false, true)) {
      stalledSince = since;
      LOG.error(
          "hall {} stalled: its oldest command has waited {} s for an answer (threshold {} s); /ready says 503"
              + " until it answers",
          hall,
          seconds(now - since),
          seconds(stallNanos));
    } else if (!stalled && alerted.compareAndSet(true, false)) {
      LOG.warn(
          "hall {} answers again after a stall; its oldest unanswered command had waited {} s",
          hall,
          seconds(now - stalledSince));
    }
    return stalled;
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }
}
