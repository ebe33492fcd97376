package cn.suixin.agent.escpos;

import java.util.ArrayList;
import java.util.List;

/**
 * Breaks text into printer lines by display width (a Chinese character is two columns). Printers
 * wrap by bytes, and some cheap ones split a double-byte character at the margin into two garbage
 * glyphs, so the agent breaks lines itself, always between characters.
 */
public final class TextWrap {

  private TextWrap() {}

  public static int width(int codePoint) {
    return codePoint < 0x80 ? 1 : 2;
  }

  public static List<String> wrap(String text, int columns) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    int used = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      int w = width(cp);
      if (used + w > columns && used > 0) {
        lines.add(line.toString());
        line.setLength(0);
        used = 0;
      }
      line.appendCodePoint(cp);
      used += w;
      i += Character.charCount(cp);
    }
    lines.add(line.toString());
    return lines;
  }
}
