package cn.suixin.hall.server.http;

import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists and values as JSON text, including what no JSON library writes: a
 * lone surrogate as its escape, or a raw fragment such as NaN or a comment.
 */
final class JsonText {
  /** Text put into the output as it is. */
  record Raw(String text) {}

  private JsonText() {}

  static String write(Object value) {
    StringBuilder b = new StringBuilder();
    write(b, value);
    return b.toString();
  }

  private static void write(StringBuilder b, Object v) {
    if (v == null) {
      b.append("null");
    } else if (v instanceof Raw r) {
      b.append(r.text());
    } else if (v instanceof String s) {
      string(b, s);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      String sep = "";
      for (Map.Entry<?, ?> e : m.entrySet()) {
        b.append(sep);
        string(b, (String) e.getKey());
        b.append(':');
        write(b, e.getValue());
        sep = ",";
      }
      b.append('}');
    } else if (v instanceof List<?> l) {
      b.append('[');
      String sep = "";
      for (Object e : l) {
        b.append(sep);
        write(b, e);
        sep = ",";
      }
      b.append(']');
    } else {
      b.append(v);
    }
  }

  private static void string(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || Character.isSurrogate(c) && !paired(s, i)) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    b.append('"');
  }

  private static boolean paired(String s, int i) {
    char c = s.charAt(i);
    return Character.isHighSurrogate(c)
        ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
        : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
