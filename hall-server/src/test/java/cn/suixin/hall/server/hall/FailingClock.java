package cn.suixin.hall.server.hall;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The system clock, except that one chosen reading fails: a way to make a hall owner meet an
 * unexpected exception at a known point of deciding a command, without a hook in the code.
 */
final class FailingClock extends Clock {
  private final AtomicLong readings = new AtomicLong();
  private final AtomicLong failAt = new AtomicLong(-1);
  private final AtomicInteger failures = new AtomicInteger();

  /** Readings so far. */
  long readings() {
    return readings.get();
  }

  /** The {@code n}-th reading from now (1 for the next one) throws. */
  void failReading(long n) {
    failAt.set(readings.get() + n);
  }

  int failures() {
    return failures.get();
  }

  @Override
  public Instant instant() {
    if (readings.incrementAndGet() == failAt.get()) {
      failures.incrementAndGet();
      throw new IllegalStateException("clock failed on purpose (test)");
    }
    return Instant.now();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }
}
