package cn.suixin.hall.server.codec;

import java.util.regex.Pattern;

/**
 * How a refusal names a place in a body ({@code tickets[2].number}). A name the caller made up is
 * repeated only when it looks like a field name: one holding digits or other script could be an ID
 * number typed into the wrong place, and a refusal must not send it back in clear.
 */
public final class FieldPath {
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");
  private static final int MAX_DIGITS = 4;

  private FieldPath() {}

  public static boolean echoable(String name) {
    return name != null
        && NAME.matcher(name).matches()
        && name.chars().filter(Character::isDigit).count() <= MAX_DIGITS;
  }

  public static String index(String array, int i) {
    return array + "[" + i + "]";
  }

  /**
   * The path of a member: {@code parent.name}, or just the parent (or "body") when the name is not
   * repeated.
   */
  public static String child(String parent, String name) {
    if (!echoable(name)) {
      return parent == null ? "body" : parent;
    }
    return parent == null ? name : parent + "." + name;
  }
}
