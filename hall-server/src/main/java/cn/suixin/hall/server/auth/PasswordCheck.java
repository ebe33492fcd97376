package cn.suixin.hall.server.auth;

/**
 * What checking a password found.
 *
 * @param rehash a hash at today's iteration count to store in place of a weaker one; null if none
 */
public record PasswordCheck(boolean matches, String rehash) {
  static final PasswordCheck RIGHT = new PasswordCheck(true, null);
  static final PasswordCheck WRONG = new PasswordCheck(false, null);
}
