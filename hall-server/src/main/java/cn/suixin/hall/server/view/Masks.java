package cn.suixin.hall.server.view;

/** Masked forms of personal data for display (张三 -> 张*, 5101**********1234). */
public final class Masks {
  private Masks() {
  }

  public static String name(String name) {
    if (name == null || name.isEmpty()) {
      return name;
    }
    int first = name.codePointAt(0);
    return new String(Character.toChars(first)) + "*".repeat(Math.max(1, name.codePointCount(0, name.length()) - 1));
  }

  public static String idNumber(String id) {
    if (id == null || id.length() < 8) {
      return "****";
    }
    return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
  }
}
