package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.BadInputTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Passwords;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.auth.StoredUsers;
import cn.suixin.hall.server.crash.ServerProcess;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guessing passwords over HTTP: wrong ones are throttled and then lock the account, an unknown
 * username costs what a wrong password costs, and an old hash is upgraded at the next right login.
 * The server runs with the default login rules, the real PBKDF2 iteration count and a clock that
 * moves only when a test waits as told. 127.0.0.1 is a trusted proxy, so each test names its own
 * client address in X-Forwarded-For and the per-address counts of one test do not reach another.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class FailedLoginsTest {
  private static final String WRONG = "not-the-password";
  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @TempDir static Path data;
  static final TestClock clock = new TestClock(Instant.now());
  static ServerFixture server;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data, FailedLoginsTest::behindLoopbackProxy, clock);
  }

  private static ServerOptions behindLoopbackProxy(ServerOptions o) {
    return o.withDoors(new Doors(TrustedProxies.parse("127.0.0.1"), null, "127.0.0.1", -1));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void twenty_wrong_passwords_in_a_row_meet_a_429_with_retry_after_long_before_the_twentieth() {
    server.addUser("guesstarget", Role.GUIDE, ServerFixture.HALL);
    String from = freshAddress();
    List<Integer> statuses = new ArrayList<>();
    HttpReply limited = null;
    for (int i = 0; i < 20 && limited == null; i++) {
      HttpReply r = login("guesstarget", WRONG, from);
      statuses.add(r.status());
      if (r.status() == 429) {
        limited = r;
      }
    }
    assertThat(statuses).as("three free guesses, then a wait").containsExactly(401, 401, 401, 429);
    assertProblem(limited, 429, "LOGIN_THROTTLED");
    assertThat(limited.header("Retry-After")).isEqualTo("1");
    assertThat(limited.json().getLong("retryAfterSeconds")).isEqualTo(1);
    // the wait holds for the right password too: it is decided before any password is checked
    assertProblem(login("guesstarget", ServerFixture.PASSWORD, from), 429, "LOGIN_THROTTLED");
    assertThat(login("guesstarget", ServerFixture.PASSWORD, freshAddress()).status())
        .as("another address, same username: the username's own count still applies")
        .isEqualTo(429);
    clock.advance(Duration.ofSeconds(1));
    assertThat(login("guesstarget", ServerFixture.PASSWORD, from).status())
        .as("after the wait")
        .isEqualTo(200);
  }

  @Test
  void each_further_failure_doubles_the_wait() {
    server.addUser("doubling", Role.GUIDE, ServerFixture.HALL);
    String from = freshAddress();
    List<Long> waits = new ArrayList<>();
    for (int failures = 0; failures < 7; ) {
      HttpReply r = login("doubling", WRONG, from);
      if (r.status() == 429) {
        long wait = Long.parseLong(r.header("Retry-After"));
        waits.add(wait);
        clock.advance(Duration.ofSeconds(wait));
      } else {
        assertThat(r.status()).as(r.toString()).isEqualTo(401);
        failures++;
      }
    }
    assertThat(waits).containsExactly(1L, 2L, 4L, 8L);
  }

  @Test
  void ten_failures_lock_the_account_even_for_the_right_password_until_an_admin_unlocks_it() {
    server.addUser("locksmith", Role.GUIDE, ServerFixture.HALL);
    String from = freshAddress();
    HttpReply last = failUntilLocked("locksmith", from);
    assertProblem(last, 423, "ACCOUNT_LOCKED");
    assertThat(last.json().getString("messageEn")).contains("locked").contains("administrator");
    HttpReply right = patiently("locksmith", ServerFixture.PASSWORD, from);
    assertProblem(right, 423, "ACCOUNT_LOCKED");

    HttpReply byGuide = server.post("/api/v1/users/locksmith/unlock", server.token("guide"), null);
    assertProblem(byGuide, 403, "FORBIDDEN");
    HttpReply unlocked = server.post("/api/v1/users/locksmith/unlock", server.token("admin"), null);
    assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
    assertThat(unlocked.json().getBoolean("wasLocked")).isTrue();
    HttpReply again = patiently("locksmith", ServerFixture.PASSWORD, from);
    assertThat(again.status()).as(again.toString()).isEqualTo(200);
    assertThat(again.json().getString("token")).isNotBlank();
    HttpReply twice = server.post("/api/v1/users/locksmith/unlock", server.token("admin"), null);
    assertThat(twice.json().getBoolean("wasLocked")).isFalse();
  }

  @Test
  void a_lock_outlives_a_restart_and_the_unlock_command_lifts_it_while_the_server_runs()
      throws Exception {
    server.addUser("restarted", Role.GUIDE, ServerFixture.HALL);
    String from = freshAddress();
    assertProblem(failUntilLocked("restarted", from), 423, "ACCOUNT_LOCKED");
    server.close();
    server = ServerFixture.start(data, FailedLoginsTest::behindLoopbackProxy, clock);
    assertProblem(patiently("restarted", ServerFixture.PASSWORD, from), 423, "ACCOUNT_LOCKED");

    ServerProcess.Finished listed = admin("users", "locked");
    assertThat(listed.exitCode()).as(listed.text()).isZero();
    assertThat(listed.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("restarted  locked ")
                    .contains("after 10 failures, the last from " + from));
    ServerProcess.Finished command = admin("users", "unlock", "--username", "restarted");
    assertThat(command.exitCode()).as(command.text()).isZero();
    assertThat(command.text()).contains("unlocked restarted");
    assertThat(patiently("restarted", ServerFixture.PASSWORD, from).status()).isEqualTo(200);
  }

  @Test
  void
      an_unknown_username_costs_the_same_pbkdf2_work_and_gets_the_same_answer_as_a_wrong_password() {
    String from = freshAddress();
    long before = Passwords.iterationsDerived();
    HttpReply unknown = login("nobody-here", WRONG, from);
    long unknownWork = Passwords.iterationsDerived() - before;
    before = Passwords.iterationsDerived();
    HttpReply wrong = login("clerk2", WRONG, from);
    long wrongWork = Passwords.iterationsDerived() - before;

    assertProblem(unknown, 401, "BAD_CREDENTIALS");
    assertThat(unknown.json()).isEqualTo(wrong.json());
    assertThat(unknownWork)
        .as("iterations for an unknown user")
        .isEqualTo(600_000)
        .isEqualTo(wrongWork);
  }

  @Test
  void a_locked_account_is_answered_after_the_same_pbkdf2_work() {
    server.addUser("lockedwork", Role.GUIDE, ServerFixture.HALL);
    String from = freshAddress();
    failUntilLocked("lockedwork", from);
    long before = Passwords.iterationsDerived();
    HttpReply locked = login("lockedwork", ServerFixture.PASSWORD, freshAddress());
    assertProblem(locked, 423, "ACCOUNT_LOCKED");
    assertThat(Passwords.iterationsDerived() - before).isEqualTo(Passwords.ITERATIONS);
  }

  @Test
  void a_username_that_is_no_ones_locks_like_a_real_one_so_the_lock_tells_nothing() {
    assertProblem(failUntilLocked("ghost-user", freshAddress()), 423, "ACCOUNT_LOCKED");
  }

  @Test
  void one_address_failing_for_many_usernames_is_made_to_wait_too() {
    String from = freshAddress();
    for (int i = 0; i < 10; i++) {
      assertThat(login("stranger" + i, WRONG, from).status()).isEqualTo(401);
    }
    HttpReply eleventh = login("clerk1", ServerFixture.PASSWORD, from);
    assertProblem(eleventh, 429, "LOGIN_THROTTLED");
    assertThat(login("clerk1", ServerFixture.PASSWORD, freshAddress()).status())
        .as("from elsewhere")
        .isEqualTo(200);
  }

  @Test
  void a_120000_iteration_hash_is_upgraded_to_600000_at_the_next_right_login() {
    JsonObject user =
        StoredUsers.user(
            "veteran", Role.GUIDE, ServerFixture.HALL, "G-0120", "老用户", "an-old-password", 120_000);
    String old = user.getString("password");
    ServerFixture.await(server.server().store().records().put("users", "veteran", user));

    String from = freshAddress();
    assertThat(login("veteran", "an-old-password", from).status()).isEqualTo(200);
    String upgraded =
        ServerFixture.await(server.server().store().records().get("users", "veteran"))
            .getString("password");
    assertThat(upgraded).startsWith("pbkdf2$600000$").isNotEqualTo(old);

    long before = Passwords.iterationsDerived();
    assertThat(login("veteran", "an-old-password", from).status())
        .as("the new hash verifies")
        .isEqualTo(200);
    assertThat(Passwords.iterationsDerived() - before)
        .as("and is not upgraded again")
        .isEqualTo(600_000);
    assertThat(login("veteran", WRONG, from).status()).isEqualTo(401);
  }

  @Test
  void a_malformed_username_is_a_bad_field_not_a_guess() {
    assertProblem(login("no spaces allowed", WRONG, freshAddress()), 400, "BAD_FIELD");
  }

  /**
   * An admin command in its own JVM on the running server's data folder, as an operator runs it.
   */
  private static ServerProcess.Finished admin(String... words) throws Exception {
    String[] args =
        java.util.stream.Stream.concat(
                java.util.Arrays.stream(words),
                java.util.stream.Stream.of(
                    "--config",
                    ServerProcess.SHIPPED_CONFIG.toString(),
                    "--data",
                    data.toAbsolutePath().toString()))
            .toArray(String[]::new);
    return ServerProcess.run(data.resolveSibling(data.getFileName() + "-admin"), null, args);
  }

  /**
   * Wrong passwords, waiting as told, until the account locks; returns the answer that locked it.
   */
  private static HttpReply failUntilLocked(String username, String from) {
    for (int failures = 1; failures <= 10; failures++) {
      HttpReply r = patiently(username, WRONG, from);
      if (failures < 10) {
        assertProblem(r, 401, "BAD_CREDENTIALS");
      } else {
        return r;
      }
    }
    throw new AssertionError("unreachable");
  }

  /**
   * A login that waits (on the test clock) whenever it is told to, then gives the first other
   * answer.
   */
  private static HttpReply patiently(String username, String password, String from) {
    for (int i = 0; i < 20; i++) {
      HttpReply r = login(username, password, from);
      if (r.status() != 429) {
        return r;
      }
      clock.advance(Duration.ofSeconds(Long.parseLong(r.header("Retry-After"))));
    }
    throw new AssertionError("still throttled after 20 waits");
  }

  private static HttpReply login(String username, String password, String from) {
    return ServerFixture.await(
        server.send(
            HttpMethod.POST,
            "/api/v1/auth/login",
            null,
            new JsonObject().put("username", username).put("password", password).toBuffer(),
            Map.of("X-Forwarded-For", from)));
  }

  private static String freshAddress() {
    return "198.51.100." + ADDRESSES.incrementAndGet();
  }
}
