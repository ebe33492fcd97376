package cn.suixin.hall.server.auth;

import cn.suixin.hall.server.auth.LoginRefused.Reason;
import cn.suixin.hall.store.RecordStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a username and password: throttled per username and address, refused while the account is
 * locked, and with the same PBKDF2 work whether the user exists, is locked, or the password is
 * wrong, so neither the answer nor its time tells which. Never logs a password.
 */
final class Logins {
  private static final Logger LOG = LoggerFactory.getLogger(Logins.class);
  private final RecordStore records;
  private final Clock clock;
  private final LoginRules rules;
  private final LoginThrottle throttle;
  private final Lockouts lockouts;
  private final HashingPool hashing;
  private final Counter wrong;
  private final Counter locked;
  private final Counter throttled;
  private final Counter busy;
  private final Counter lockedOut;

  Logins(Vertx vertx, RecordStore records, Clock clock, LoginRules rules, MeterRegistry registry) {
    this.records = records;
    this.clock = clock;
    this.rules = rules;
    this.throttle = new LoginThrottle(rules);
    this.lockouts = new Lockouts(records);
    this.hashing = new HashingPool(vertx, rules);
    wrong = failures(registry, "bad-credentials");
    locked = failures(registry, "locked");
    throttled =
        Counter.builder("suixin_login_throttled")
            .description("Logins refused with 429 before any check")
            .register(registry);
    busy =
        Counter.builder("suixin_login_busy")
            .description("Logins refused with 503: the hashing queue was full")
            .register(registry);
    lockedOut =
        Counter.builder("suixin_login_lockouts")
            .description("Accounts locked after repeated failures")
            .register(registry);
    registry.gauge("suixin_login_hashing", hashing, HashingPool::inFlight);
  }

  /** The user's record when the password is right; otherwise a failed {@link LoginRefused}. */
  Future<JsonObject> check(String username, char[] password, String address) {
    long wait = throttle.admit(username, address, clock.millis());
    if (wait > 0) {
      throttled.increment();
      LOG.debug("login throttled: user {} from {}, {} ms to wait", username, address, wait);
      return Future.failedFuture(new LoginRefused(Reason.THROTTLED, (wait + 999) / 1000));
    }
    Future<JsonObject> user = records.get(Accounts.USERS, username);
    Future<Boolean> lock = lockouts.isLocked(username);
    return Future.all(user, lock)
        .compose(
            both ->
                hashing.submit(
                    () ->
                        Passwords.check(
                            password,
                            user.result() == null ? null : user.result().getString("password"))))
        .recover(
            f -> {
              // never checked (the store did not answer, or no hashing thread was free): not a
              // failure
              throttle.withdraw(username);
              if (f instanceof LoginRefused) {
                busy.increment();
              }
              return Future.failedFuture(f);
            })
        .compose(
            checked -> {
              if (lock.result()) {
                return refuse(username, address, "account locked", locked, true);
              }
              if (user.result() == null || !checked.matches()) {
                return refuse(
                    username,
                    address,
                    user.result() == null ? "no such user" : "wrong password",
                    wrong,
                    false);
              }
              throttle.forget(username);
              return checked.rehash() == null
                  ? Future.succeededFuture(user.result())
                  : rehash(user.result(), checked.rehash());
            });
  }

  /**
   * Lifts a lock and this node's count of failures for the username; completes with whether it was
   * locked.
   */
  Future<Boolean> unlock(String username) {
    throttle.forget(username);
    return lockouts.unlock(username);
  }

  private Future<JsonObject> refuse(
      String username, String address, String why, Counter counter, boolean isLocked) {
    counter.increment();
    int failures = throttle.failed(username, address, clock.millis());
    LOG.info(
        "login refused: user {} from {}: {} ({} of {} failures before a lock)",
        username,
        address,
        why,
        failures,
        rules.lockAfter());
    if (failures < rules.lockAfter()) {
      return Future.failedFuture(
          new LoginRefused(isLocked ? Reason.LOCKED : Reason.BAD_CREDENTIALS, 0));
    }
    return lockouts
        .lock(username, failures, address, clock.instant())
        .compose(
            v -> {
              // the lock now holds the username back; its count starts afresh, so a later unlock
              // starts clean
              throttle.forget(username);
              if (!isLocked) {
                lockedOut.increment();
                LOG.warn(
                    "account {} locked after {} failed logins within {} min (last from {}); "
                        + "unlock with: users unlock --username {}",
                    username,
                    failures,
                    rules.window().toMinutes(),
                    address,
                    username);
              }
              return Future.failedFuture(new LoginRefused(Reason.LOCKED, 0));
            });
  }

  /**
   * Stores today's stronger hash in place of an older one; the login succeeds even if that write
   * fails.
   */
  private Future<JsonObject> rehash(JsonObject user, String hash) {
    JsonObject upgraded = user.copy().put("password", hash);
    return records
        .put(Accounts.USERS, user.getString("username"), upgraded)
        .map(upgraded)
        .recover(
            f -> {
              LOG.warn(
                  "could not store the upgraded password hash of {}: {}",
                  user.getString("username"),
                  f.toString());
              return Future.succeededFuture(user);
            });
  }

  private static Counter failures(MeterRegistry registry, String reason) {
    return Counter.builder("suixin_login_failures")
        .description("Logins refused after the password was checked")
        .tag("reason", reason)
        .register(registry);
  }
}
