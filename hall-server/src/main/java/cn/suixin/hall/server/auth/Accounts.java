package cn.suixin.hall.server.auth;

import cn.suixin.hall.store.RecordStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Users, devices and sessions in the record store. Passwords are PBKDF2 hashes; session and device
 * tokens are kept only as SHA-256 hashes.
 */
public final class Accounts {
  private record Remembered(Principal principal, long at) {}

  public static final String USERS = "users";
  public static final String DEVICES = "devices";
  public static final String SESSIONS = "sessions";

  /** Usernames locked after repeated failed logins (see {@link Lockouts}). */
  public static final String LOCKOUTS = "lockouts";

  private static final Duration SESSION = Duration.ofHours(12);

  /**
   * Every request carries a token; a kiosk sends hundreds a minute. Known tokens are trusted for a
   * few seconds without a store read, so a removed device or an expired session stops working
   * within that time, and a logout at once on this node.
   */
  private static final long REMEMBER_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

  private final java.util.Map<String, Remembered> recent =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Vertx vertx;
  private final RecordStore records;
  private final Clock clock;
  private final Logins logins;

  /** With the default login rules and meters that go nowhere: for admin commands and tests. */
  public Accounts(Vertx vertx, RecordStore records, Clock clock) {
    this(vertx, records, clock, LoginRules.DEFAULTS, new CompositeMeterRegistry());
  }

  public Accounts(
      Vertx vertx, RecordStore records, Clock clock, LoginRules rules, MeterRegistry registry) {
    this.vertx = vertx;
    this.records = records;
    this.clock = clock;
    this.logins = new Logins(vertx, records, clock, rules, registry);
  }

  public Future<JsonObject> addUser(
      String username, Role role, String hall, String staffNo, String name, char[] password) {
    if (!isUsername(username)) {
      return Future.failedFuture(new IllegalArgumentException("username: " + USERNAME_RULE));
    }
    if (role.isDevice()) {
      return Future.failedFuture(
          new IllegalArgumentException("role: users are clerk, guide, supervisor or admin"));
    }
    if (password.length < 8) {
      return Future.failedFuture(new IllegalArgumentException("password: at least 8 characters"));
    }
    // PBKDF2 takes a fifth of a second: off the caller's thread, which may be an event loop
    return vertx
        .executeBlocking(() -> Passwords.hash(password), false)
        .compose(
            hash -> {
              JsonObject user =
                  new JsonObject()
                      .put("username", username)
                      .put("role", role.name())
                      .put("hall", hall)
                      .put("staffNo", staffNo == null ? username : staffNo)
                      .put("name", name == null ? username : name)
                      .put("password", hash)
                      .put("created", clock.instant().toString());
              // an account added again under a name that was locked starts unlocked
              return records
                  .put(USERS, username, user)
                  .compose(v -> logins.unlock(username))
                  .map(user.copy().put("password", (String) null));
            });
  }

  /** What {@link #isUsername} asks for, for the messages that refuse a name. */
  public static final String USERNAME_RULE =
      "2-32 letters, digits, '.', '_' or '-', without a run of 11 or more"
          + " digits (a name must not be an ID or phone number)";

  /**
   * Whether a name could be a username: what an account may be added under. A run of 11 or more
   * digits is refused because it reads as an ID or phone number, which usernames, being echoed in
   * answers and logs, must never carry in clear.
   */
  public static boolean isUsername(String name) {
    return name != null && name.matches("[A-Za-z0-9._-]{2,32}") && !name.matches(".*[0-9]{11}.*");
  }

  /** Registers a device and returns its token, shown once. */
  public Future<String> addDevice(Role kind, String hall, String window, String name) {
    if (!kind.isDevice()) {
      return Future.failedFuture(new IllegalArgumentException("kind: kiosk, display or agent"));
    }
    String id = kind.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
    String token = Passwords.newToken();
    JsonObject device =
        new JsonObject()
            .put("id", id)
            .put("kind", kind.name())
            .put("hall", hall)
            .put("window", window)
            .put("name", name == null ? id : name)
            .put("created", clock.instant().toString());
    return records.put(DEVICES, Passwords.tokenHash(token), device).map(token);
  }

  /**
   * A session token for a user whose password matches; otherwise a failed {@link LoginRefused}.
   *
   * @param address the client's address, for throttling and the log
   */
  public Future<JsonObject> login(String username, char[] password, String address) {
    return logins
        .check(username, password, address)
        .compose(
            user -> {
              String token = Passwords.newToken();
              Instant expires = clock.instant().plus(SESSION);
              JsonObject session =
                  new JsonObject().put("username", username).put("expires", expires.toString());
              return records
                  .put(SESSIONS, Passwords.tokenHash(token), session)
                  .map(
                      v ->
                          new JsonObject()
                              .put("token", token)
                              .put("role", user.getString("role").toLowerCase())
                              .put("hall", user.getString("hall"))
                              .put("staffNo", user.getString("staffNo"))
                              .put("name", user.getString("name"))
                              .put("expiresAt", expires.toString()));
            });
  }

  /** Every lock repeated failures put on a username (username, lockedAt, failures, lastAddress). */
  public Future<List<JsonObject>> lockouts() {
    return records.list(LOCKOUTS);
  }

  /** Lifts the lock repeated failures put on a username; completes with whether there was one. */
  public Future<Boolean> unlock(String username) {
    return logins.unlock(username);
  }

  public Future<Void> logout(String token) {
    String hash = Passwords.tokenHash(token);
    recent.remove(hash);
    return records.remove(SESSIONS, hash);
  }

  /** Every registered device (id, kind, hall, window, name); never a token. */
  public Future<List<JsonObject>> devices() {
    return records.list(DEVICES);
  }

  /** The full name of the person with that staff number, or null: what a counter pad shows. */
  public Future<String> staffName(String staffNo) {
    return records
        .list(USERS)
        .map(
            users ->
                users.stream()
                    .filter(u -> staffNo != null && staffNo.equals(u.getString("staffNo")))
                    .map(u -> u.getString("name"))
                    .findFirst()
                    .orElse(null));
  }

  /** The caller behind a bearer token, or null. */
  public Future<Principal> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Future.succeededFuture(null);
    }
    String hash = Passwords.tokenHash(token);
    Remembered known = recent.get(hash);
    long now = System.nanoTime();
    if (known != null && now - known.at() < REMEMBER_NANOS) {
      return Future.succeededFuture(known.principal());
    }
    return lookUp(hash)
        .onSuccess(
            p -> {
              if (p != null) {
                if (recent.size() > 10_000) {
                  recent.clear();
                }
                recent.put(hash, new Remembered(p, now));
              }
            });
  }

  private Future<Principal> lookUp(String hash) {
    return records
        .get(DEVICES, hash)
        .compose(
            device -> {
              if (device != null) {
                return Future.succeededFuture(
                    new Principal(
                        device.getString("id"),
                        Role.parse(device.getString("kind")),
                        device.getString("hall"),
                        device.getString("window"),
                        null,
                        device.getString("name")));
              }
              return records
                  .get(SESSIONS, hash)
                  .compose(
                      session -> {
                        if (session == null
                            || Instant.parse(session.getString("expires"))
                                .isBefore(clock.instant())) {
                          return Future.succeededFuture(null);
                        }
                        return records
                            .get(USERS, session.getString("username"))
                            .map(
                                user ->
                                    user == null
                                        ? null
                                        : new Principal(
                                            user.getString("username"),
                                            Role.parse(user.getString("role")),
                                            user.getString("hall"),
                                            null,
                                            user.getString("staffNo"),
                                            user.getString("name")));
                      });
            });
  }
}
