package cn.suixin.hall.server.auth;

import java.time.Duration;

/**
 * How logins are throttled and accounts locked.
 *
 * @param freeFailures wrong passwords for one username before each further attempt must wait
 * @param addressFreeFailures the same for one client address, higher: a hall's clerks may share one
 * @param firstDelay the first wait; it doubles with each further failure
 * @param maxDelay the longest wait
 * @param lockAfter failures of one username within {@code window} that lock the account
 * @param window how long failures are remembered (on this node, in memory)
 * @param threads threads that hash passwords
 * @param queue logins that may wait for a hashing thread; more are refused at once
 */
public record LoginRules(
    int freeFailures,
    int addressFreeFailures,
    Duration firstDelay,
    Duration maxDelay,
    int lockAfter,
    Duration window,
    int threads,
    int queue) {
  public static final LoginRules DEFAULTS =
      new LoginRules(
          3, 10, Duration.ofSeconds(1), Duration.ofMinutes(5), 10, Duration.ofMinutes(15), 2, 32);

  public LoginRules {
    positive("freeFailures", freeFailures);
    positive("addressFreeFailures", addressFreeFailures);
    positive("lockAfter", lockAfter);
    positive("threads", threads);
    if (queue < 0) {
      throw new IllegalArgumentException("queue must be 0 or more: " + queue);
    }
    if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
      throw new IllegalArgumentException(
          "delays: the first must be positive and the longest at least the first");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be 1 or more: " + value);
    }
  }
}
