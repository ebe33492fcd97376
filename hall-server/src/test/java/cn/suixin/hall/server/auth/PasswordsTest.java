package cn.suixin.hall.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Password checks cost today's iteration count whatever they find, so their time tells no one
 * whether a user exists; a hash weaker than today's is replaced by one that is not. These run on
 * the real count (the surefire JVM never lowers it).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PasswordsTest {
  private static final char[] SECRET = "correct horse".toCharArray();

  @Test
  void new_hashes_get_the_owasp_count_of_600000_iterations() {
    assertThat(Passwords.ITERATIONS).isEqualTo(600_000);
    assertThat(Passwords.hash(SECRET)).startsWith("pbkdf2$600000$");
  }

  @Test
  void no_user_a_wrong_password_and_an_unreadable_hash_each_cost_one_full_derivation() {
    String current = Passwords.hash(SECRET);
    assertThat(work(() -> Passwords.check(SECRET, null))).isEqualTo(600_000);
    assertThat(work(() -> Passwords.check("guess".toCharArray(), current))).isEqualTo(600_000);
    assertThat(work(() -> Passwords.check(SECRET, "pbkdf2$12$%%%$???"))).isEqualTo(600_000);
    assertThat(Passwords.check(SECRET, null).matches()).isFalse();
  }

  @Test
  void a_wrong_password_against_an_old_hash_is_padded_to_todays_cost() {
    String old = Passwords.hash(SECRET).replace("pbkdf2$600000$", "pbkdf2$120000$");
    assertThat(
            work(() -> assertThat(Passwords.check("guess".toCharArray(), old).matches()).isFalse()))
        .isEqualTo(600_000);
  }

  @Test
  void
      a_right_password_against_an_old_hash_comes_back_with_a_600000_iteration_rehash_that_verifies() {
    String old = StoredUsers.hash(String.valueOf(SECRET), 120_000);
    PasswordCheck checked = Passwords.check(SECRET, old);
    assertThat(checked.matches()).isTrue();
    assertThat(checked.rehash()).startsWith("pbkdf2$600000$");
    PasswordCheck again = Passwords.check(SECRET, checked.rehash());
    assertThat(again.matches()).isTrue();
    assertThat(again.rehash()).as("a current hash is not replaced").isNull();
  }

  private static long work(Runnable check) {
    long before = Passwords.iterationsDerived();
    check.run();
    return Passwords.iterationsDerived() - before;
  }
}
