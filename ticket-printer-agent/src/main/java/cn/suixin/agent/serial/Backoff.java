package cn.suixin.agent.serial;

import java.util.function.DoubleSupplier;

/**
 * Full-jitter exponential backoff: a random delay between 0 and min(cap, base * 2^attempt), so many
 * agents that lost the same server or hub do not come back in step.
 */
public final class Backoff {

  private final long baseMillis;
  private final long capMillis;
  private final DoubleSupplier random;
  private int attempt;

  public Backoff(long baseMillis, long capMillis, DoubleSupplier random) {
    this.baseMillis = baseMillis;
    this.capMillis = capMillis;
    this.random = random;
  }

  public Backoff(long baseMillis, long capMillis) {
    this(baseMillis, capMillis, Math::random);
  }

  public long nextDelayMillis() {
    long ceiling = capMillis;
    if (attempt < 30) {
      ceiling = Math.min(capMillis, baseMillis << attempt);
    }
    attempt++;
    return Math.max(1, (long) (random.getAsDouble() * ceiling));
  }

  public void reset() {
    attempt = 0;
  }
}
