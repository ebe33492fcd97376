package cn.suixin.hall.server.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failed logins per username and per client address, on this node, in memory: after a few failures
 * each further attempt waits, twice as long after every failure. The counts are lost on restart and
 * not shared between nodes; the lock that repeated failures lead to is in the record store and is
 * both.
 */
final class LoginThrottle {
  private static final class Tally {
    final long first;
    int failures;
    long last;

    Tally(long now) {
      this.first = now;
    }
  }

  private final LoginRules rules;
  private final Map<String, Tally> users = bounded();
  private final Map<String, Tally> addresses = bounded();

  LoginThrottle(LoginRules rules) {
    this.rules = rules;
  }

  /**
   * 0 if the attempt may go ahead, else how many milliseconds it must wait. An attempt let through
   * counts as a failure of its username at once, until its password proves right, so parallel
   * guesses cannot all slip in before the first is counted.
   */
  synchronized long admit(String username, String address, long now) {
    long wait =
        Math.max(
            wait(users, username, rules.freeFailures(), now),
            wait(addresses, address, rules.addressFreeFailures(), now));
    if (wait == 0) {
      count(users, username, now);
    }
    return wait;
  }

  /**
   * The attempt was wrong: counts it against the address; returns the username's failures so far.
   */
  synchronized int failed(String username, String address, long now) {
    count(addresses, address, now);
    Tally t = users.get(username);
    return t == null ? 0 : t.failures;
  }

  /** The attempt was never checked (no hashing thread free): it does not count. */
  synchronized void withdraw(String username) {
    Tally t = users.get(username);
    if (t != null && --t.failures <= 0) {
      users.remove(username);
    }
  }

  /** A right password, a lock written or an unlock: the username starts afresh. */
  synchronized void forget(String username) {
    users.remove(username);
  }

  private long wait(Map<String, Tally> tallies, String key, int free, long now) {
    Tally t = tallies.get(key);
    if (t == null) {
      return 0;
    }
    if (now - t.first > rules.window().toMillis()) {
      tallies.remove(key);
      return 0;
    }
    if (t.failures < free) {
      return 0;
    }
    int doublings = Math.min(t.failures - free, 30);
    long delay = Math.min(rules.maxDelay().toMillis(), rules.firstDelay().toMillis() << doublings);
    return Math.max(0, t.last + delay - now);
  }

  private static void count(Map<String, Tally> tallies, String key, long now) {
    Tally t = tallies.computeIfAbsent(key, k -> new Tally(now));
    t.failures++;
    t.last = now;
  }

  /** A flood of made-up usernames or addresses pushes out the oldest, never grows memory. */
  private static Map<String, Tally> bounded() {
    return new LinkedHashMap<>(256, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Tally> eldest) {
        return size() > 100_000;
      }
    };
  }
}
