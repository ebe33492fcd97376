package cn.suixin.hall.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Random;

/** Text that is almost JSON, or not JSON at all: what a lenient parser would let through. */
final class NotJson {
  private NotJson() {}

  /** The JSON text of a valid body, made non-standard in one of the ways lenient parsers allow. */
  static byte[] mutate(String json, Random r) {
    String text =
        switch (r.nextInt(14)) {
          case 0 -> json.replaceFirst("\\{", "{/*c*/");
          case 1 -> json.replaceFirst("\\{", "{// c\n");
          case 2 -> json.replace('"', '\'');
          case 3 ->
              json.endsWith("}") && json.length() > 2
                  ? json.substring(0, json.length() - 1) + ",}"
                  : json + ",";
          case 4 -> json.replaceAll("\"([A-Za-z]+)\":", "$1:");
          case 5 ->
              json.length() > 2
                  ? json.replaceFirst("\\{(\"[A-Za-z]+\":[^,}]*)", "{$1,$1")
                  : "{\"a\":1,\"a\":2}";
          case 6 -> json.replaceFirst(":(\\d+)", ":0$1");
          case 7 -> json.replaceFirst(":(\\d+)", ":NaN");
          case 8 -> json.substring(0, r.nextInt(json.length() + 1));
          case 9 -> json + json;
          case 10 -> json + " x";
          case 11 -> "\ufeff" + json;
          case 12 -> "{\"a\":".repeat(2000) + "1" + "}".repeat(2000);
          default -> json.replaceFirst(":\"", ":\"\\\\ud83d");
        };
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** No body, an empty or blank one, a bare value, or bytes that are not UTF-8. */
  static byte[] noise(Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> null;
      case 1 -> new byte[0];
      case 2 -> " \n\t".getBytes(StandardCharsets.US_ASCII);
      case 3 -> "null".getBytes(StandardCharsets.US_ASCII);
      case 4 -> "[]".getBytes(StandardCharsets.US_ASCII);
      case 5 -> "{\"proof\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
      // an overlong '/' and a surrogate encoded as if it were a character: both invalid UTF-8
      case 6 -> new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'};
      case 7 ->
          new byte[] {
            '{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'
          };
      case 8 -> "<xml/>".getBytes(StandardCharsets.US_ASCII);
      default -> {
        byte[] b = new byte[1 + r.nextInt(64)];
        r.nextBytes(b);
        yield b;
      }
    };
  }
}
