package cn.suixin.hall.engine.config;

import java.util.regex.Pattern;

/** Identifier rules shared by the id records: short, printable, safe in a URL path. */
final class Ids {
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Ids() {}

  static void require(String value, String what) {
    if (value == null || !SAFE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + " must be 1-64 letters, digits, '.', '_' or '-': " + value);
    }
  }
}
