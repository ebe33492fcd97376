package cn.suixin.agent;

import java.util.HexFormat;

/** Golden hex in tests is written with spaces, as in DEVICES.md. */
public final class Hex {

  private Hex() {}

  public static byte[] bytes(String spaced) {
    return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
  }

  public static String of(byte[] b) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(b);
  }
}
