package cn.suixin.hall.config;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Scalar conversions that report what is wrong and return {@code null} instead of throwing, so the
 * loader can carry on and find the next problem.
 */
final class Values {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern TIME = Pattern.compile("\\d{1,2}:\\d{2}");

  private final Problems problems;

  Values(Problems problems) {
    this.problems = problems;
  }

  Problems problems() {
    return problems;
  }

  String text(Y y, String what) {
    if (y.missing()) {
      problems.add(y, "missing " + what);
      return null;
    }
    if (!y.isScalar() || y.text().isBlank()) {
      problems.add(y, what + " must be a non-empty text");
      return null;
    }
    return y.text().strip();
  }

  String optionalText(Y y, String what, String fallback) {
    return y.missing() ? fallback : text(y, what);
  }

  String id(Y y, String what) {
    String value = text(y, what);
    if (value != null && !ID.matcher(value).matches()) {
      problems.add(y, what + " '" + value + "' must be 1-64 letters, digits, '.', '_' or '-'");
      return null;
    }
    return value;
  }

  Integer integer(Y y, String what, int min, int max) {
    String value = text(y, what);
    if (value == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(value);
      if (n < min || n > max) {
        problems.add(y, what + " " + n + " is out of " + min + ".." + max);
        return null;
      }
      return n;
    } catch (NumberFormatException e) {
      problems.add(y, what + " must be a whole number, not '" + value + "'");
      return null;
    }
  }

  Integer optionalInteger(Y y, String what, int min, int max, int fallback) {
    return y.missing() ? Integer.valueOf(fallback) : integer(y, what, min, max);
  }

  LocalDate date(Y y, String what) {
    String value = text(y, what);
    return value == null ? null : date(y, what, value);
  }

  LocalDate date(Y y, String what, String value) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      problems.add(y, what + " '" + value + "' is not a date like 2026-10-01");
      return null;
    }
  }

  LocalTime time(Y y, String what) {
    String value = text(y, what);
    if (value == null) {
      return null;
    }
    try {
      if (TIME.matcher(value).matches()) {
        return LocalTime.parse(value.length() == 4 ? "0" + value : value);
      }
    } catch (DateTimeParseException e) {
      // reported below
    }
    problems.add(y, what + " '" + value + "' is not a time like 09:00");
    return null;
  }

  <E extends Enum<E>> E enumValue(Y y, String what, Class<E> type) {
    String value = text(y, what);
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      problems.add(
          y,
          "unknown "
              + what
              + " '"
              + value
              + "' (expected one of "
              + Arrays.toString(type.getEnumConstants())
              + ")");
      return null;
    }
  }
}
