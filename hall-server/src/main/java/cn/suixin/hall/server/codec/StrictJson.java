package cn.suixin.hall.server.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Standard JSON (RFC 8259) only, for everything that arrives from outside: request bodies, agent
 * and screen messages. Vert.x's own codec turns on comments for every decode (JacksonCodec sets
 * ALLOW_COMMENTS on its shared factory), and changing that shared factory would change every other
 * user of it, so the edge parses with its own factory instead. It also refuses a name given twice,
 * a lone surrogate, bytes that are not UTF-8, deep nesting and text after the value, and it keeps
 * {@code 2} and {@code 2.0} apart (Integer/Long/BigInteger against BigDecimal), so that a
 * whole-number field can refuse {@code 2.0}.
 */
public final class StrictJson {
  static final int MAX_DEPTH = 32;
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .disable(JsonReadFeature.ALLOW_YAML_COMMENTS)
          .disable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .disable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
          .disable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .disable(JsonReadFeature.ALLOW_MISSING_VALUES)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS)
          .disable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          // a parse error's message must never carry the body: it could hold an ID number
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxNumberLength(64)
                  .build())
          .build();

  private StrictJson() {}

  /**
   * Bytes as UTF-8 text; anything else (Latin-1, a torn multibyte character) is refused, not
   * replaced.
   */
  public static String utf8(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new BadField("body", "is not UTF-8 text", "不是 UTF-8 编码的文本");
    }
  }

  /**
   * One JSON value: a JsonObject, JsonArray, String, Integer/Long/BigInteger, BigDecimal, Boolean
   * or null.
   */
  public static Object parse(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new BadField("body", "is empty", "为空");
      }
      Object value = value(p, first, null);
      if (p.nextToken() != null) {
        throw new BadField("body", "holds more than one JSON value", "含有多个 JSON 值");
      }
      return value;
    } catch (StreamConstraintsException e) {
      boolean deep = String.valueOf(e.getOriginalMessage()).contains("nesting");
      throw deep
          ? new BadField(
              "body", "is nested more than " + MAX_DEPTH + " deep", "嵌套超过 " + MAX_DEPTH + " 层")
          : new BadField("body", "holds a number too long", "含有过长的数字");
    } catch (JsonProcessingException e) {
      throw notStandard(e);
    } catch (IOException e) {
      throw new IllegalStateException("reading a string cannot fail", e);
    }
  }

  private static Object value(JsonParser p, JsonToken t, String path) throws IOException {
    switch (t) {
      case START_OBJECT:
        JsonObject o = new JsonObject();
        for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
          String name = p.currentName();
          String at = FieldPath.child(path, name);
          if (!wellFormed(name)) {
            throw loneSurrogate(path == null ? "body" : path);
          }
          o.put(name, value(p, p.nextToken(), at));
        }
        return o;
      case START_ARRAY:
        JsonArray a = new JsonArray();
        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
          a.add(value(p, e, FieldPath.index(path == null ? "body" : path, a.size())));
        }
        return a;
      case VALUE_STRING:
        String s = p.getText();
        if (!wellFormed(s)) {
          throw loneSurrogate(path == null ? "body" : path);
        }
        return s;
      case VALUE_NUMBER_INT:
        return p.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        // BigDecimal: exact, and never mistaken for a whole number
        return p.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return null;
    }
  }

  /** Whether every surrogate has its pair: Java strings hold "\ud800" happily, UTF-8 cannot. */
  static boolean wellFormed(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  private static BadField loneSurrogate(String path) {
    return new BadField(
        path, "holds a lone UTF-16 surrogate (half of a character)", "含有不成对的 UTF-16 代理字符（半个字符）");
  }

  private static BadField notStandard(JsonProcessingException e) {
    if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate")) {
      return new BadField("body", "names a field twice", "有重复的字段");
    }
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
    String whereZh = at == null ? "" : "（第 " + at.getLineNr() + " 行第 " + at.getColumnNr() + " 列）";
    return new BadField(
        "body",
        "is not standard JSON"
            + where
            + " (no comments, single quotes, unquoted names, trailing commas, NaN or leading zeros)",
        "不是标准 JSON" + whereZh + "：不允许注释、单引号、无引号的字段名、多余的逗号、NaN 或前导零");
  }
}
