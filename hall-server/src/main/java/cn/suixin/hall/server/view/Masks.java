package cn.suixin.hall.server.view;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Masked forms of personal data for display (张三 -> 张*, 5101**********1234, 138****5678). */
public final class Masks {
  /**
   * A run of 11 or more digits (an 18-character run may end in X): a mobile number has 11, a
   * resident ID number 15 or 18, and a run longer than that may be two of them typed together, so
   * every such run is masked whole, never searched for the number inside. Full-width digits count:
   * a Chinese input method types them. Nothing is checked against ID or phone number rules: a
   * mistyped ID number is still someone's, and a long case number masked is no loss.
   */
  private static final String D = "[0-9\uff10-\uff19]";

  private static final Pattern IN_TEXT =
      Pattern.compile(
          "(?<!" + D + ")(?:" + D + "{17}[Xx\uff38\uff58]|" + D + "{11,})(?!" + D + ")");
  private static final int LONGEST_PHONE = 14;

  private Masks() {}

  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.codePointAt(0);
    return new String(Character.toChars(first))
        + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
  }

  public static String idNumber(String id) {
    if (id == null || id.length() < 8) {
      return "****";
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }

  public static String phone(String phone) {
    if (phone == null || phone.length() < 7) {
      return "****";
    }
    return phone.substring(0, 3)
        + "*".repeat(phone.length() - 7)
        + phone.substring(phone.length() - 4);
  }

  /** Text as typed by a person, with every ID and mobile number in it masked. */
  public static String inText(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = IN_TEXT.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    do {
      String run = m.group();
      String masked = run.length() <= LONGEST_PHONE ? phone(run) : idNumber(run);
      m.appendReplacement(out, Matcher.quoteReplacement(masked));
    } while (m.find());
    return m.appendTail(out).toString();
  }
}
