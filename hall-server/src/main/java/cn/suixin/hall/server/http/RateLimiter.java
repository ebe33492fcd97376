package cn.suixin.hall.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per caller address for requests without a token (phones taking tickets). Used on
 * one event loop only, so it needs no locking.
 */
final class RateLimiter {
  private final double perSecond;
  private final double burst;
  private final Map<String, double[]> buckets =
      new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
          return size() > 100_000;
        }
      };

  RateLimiter(double perMinute, double burst) {
    this.perSecond = perMinute / 60.0;
    this.burst = burst;
  }

  /**
   * Takes a request from the caller's bucket: 0 if allowed, otherwise how long until the bucket
   * holds one again, for the 429's Retry-After.
   */
  synchronized long waitMillis(String key, long nowMillis) {
    double[] b = buckets.computeIfAbsent(key, k -> new double[] {burst, nowMillis});
    b[0] = Math.min(burst, b[0] + (nowMillis - b[1]) / 1000.0 * perSecond);
    b[1] = nowMillis;
    if (b[0] < 1) {
      return Math.max(1, (long) Math.ceil((1 - b[0]) / perSecond * 1000));
    }
    b[0] -= 1;
    return 0;
  }
}
