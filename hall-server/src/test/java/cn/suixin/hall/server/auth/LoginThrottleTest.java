package cn.suixin.hall.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The waits after failed logins, decided on time given in milliseconds: no clock, no sleeping. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LoginThrottleTest {
  private static final LoginRules RULES =
      new LoginRules(
          3, 5, Duration.ofSeconds(1), Duration.ofSeconds(10), 10, Duration.ofMinutes(15), 1, 0);
  private final LoginThrottle throttle = new LoginThrottle(RULES);

  @Test
  void three_failures_are_free_then_each_wait_doubles_up_to_the_longest() {
    long now = 0;
    for (int i = 0; i < 3; i++) {
      assertThat(fail("li", "10.0.0.1", now)).isZero();
    }
    StringBuilder waits = new StringBuilder();
    for (int i = 0; i < 6; i++) {
      long wait = throttle.admit("li", "10.0.0." + (i + 2), now);
      waits.append(wait).append(' ');
      now += wait;
      assertThat(fail("li", "10.0.0." + (i + 2), now)).isZero();
    }
    assertThat(waits.toString().trim()).isEqualTo("1000 2000 4000 8000 10000 10000");
  }

  @Test
  void attempts_let_through_count_at_once_so_parallel_guesses_cannot_slip_in() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.admit("wang", "10.0.1." + i, 0)).isZero();
    }
    assertThat(throttle.admit("wang", "10.0.1.9", 0))
        .as("the fourth, before any answered")
        .isEqualTo(1000);
  }

  @Test
  void a_right_password_or_an_unchecked_attempt_does_not_count_against_the_username() {
    fail("zhao", "10.0.2.1", 0);
    fail("zhao", "10.0.2.1", 0);
    assertThat(throttle.admit("zhao", "10.0.2.1", 0)).isZero();
    throttle.withdraw("zhao");
    assertThat(throttle.admit("zhao", "10.0.2.1", 0)).isZero();
    throttle.forget("zhao");
    assertThat(throttle.admit("zhao", "10.0.2.1", 0)).as("counts start afresh").isZero();
    assertThat(throttle.admit("zhao", "10.0.2.1", 0)).isZero();
  }

  @Test
  void an_address_failing_for_many_usernames_waits_after_its_own_free_failures() {
    for (int i = 0; i < 5; i++) {
      assertThat(fail("user" + i, "192.0.2.7", 0)).isZero();
    }
    assertThat(throttle.admit("someone-else", "192.0.2.7", 0)).isEqualTo(1000);
    assertThat(throttle.admit("someone-else", "192.0.2.8", 0)).isZero();
  }

  @Test
  void failures_older_than_the_window_are_forgotten() {
    for (int i = 0; i < 5; i++) {
      fail("chen", "10.0.3.1", 0);
    }
    assertThat(throttle.admit("chen", "10.0.3.1", 1)).isPositive();
    long later = Duration.ofMinutes(15).toMillis() + 1;
    assertThat(throttle.admit("chen", "10.0.3.1", later)).isZero();
  }

  /**
   * One wrong attempt that was let through; returns the wait it was asked for (0 when admitted).
   */
  private long fail(String user, String address, long now) {
    long wait = throttle.admit(user, address, now);
    if (wait == 0) {
      throttle.failed(user, address, now);
    }
    return wait;
  }
}
