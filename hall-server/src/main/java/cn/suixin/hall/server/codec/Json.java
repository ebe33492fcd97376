package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import io.vertx.core.json.JsonObject;
import java.math.BigInteger;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Small typed readers over JsonObject that fail with the name of the bad field. */
public final class Json {
  private Json() {}

  static String str(Object id) {
    return id == null ? null : id.toString();
  }

  static Instant instant(JsonObject j, String field) {
    String s = j.getString(field);
    return s == null ? null : Instant.parse(s);
  }

  static TicketId ticket(JsonObject j, String field) {
    String s = j.getString(field);
    return s == null ? null : new TicketId(s);
  }

  static MatterCode matter(JsonObject j, String field) {
    String s = j.getString(field);
    return s == null ? null : new MatterCode(s);
  }

  static WindowId window(JsonObject j, String field) {
    String s = j.getString(field);
    return s == null ? null : new WindowId(s);
  }

  static ChannelId channel(JsonObject j, String field) {
    String s = j.getString(field);
    return s == null ? null : new ChannelId(s);
  }

  public static String requiredString(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v == null) {
      throw new BadField(field, "is required", "为必填项");
    }
    if (!(v instanceof String s)) {
      throw new BadField(field, "must be a string", "须为文本");
    }
    if (s.isBlank()) {
      throw new BadField(field, "must not be blank", "不能为空");
    }
    return s;
  }

  public static String optionalString(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new BadField(field, "must be a string", "须为文本");
    }
    return s.isBlank() ? null : s;
  }

  /** A whole number as written: {@code 2}, not {@code 2.0} or {@code 2e0}, and within int range. */
  public static Integer optionalInt(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Integer || v instanceof Long || v instanceof BigInteger)) {
      throw new BadField(
          field, "must be a whole number, without a decimal point or exponent", "须为整数（不带小数点或指数）");
    }
    // intValue() wraps: 4294967297 would quietly become 1
    if (v instanceof BigInteger || ((Number) v).longValue() != ((Number) v).intValue()) {
      throw new BadField(field, "is out of range", "超出范围");
    }
    return ((Number) v).intValue();
  }

  public static int requiredInt(JsonObject j, String field) {
    Integer v = optionalInt(j, field);
    if (v == null) {
      throw new BadField(field, "is required", "为必填项");
    }
    return v;
  }

  /** An instant such as 2026-05-01T09:30:00Z, given as text. */
  public static String requiredInstant(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (!(v instanceof String s) || !isInstant(s)) {
      throw new BadField(
          field, "must be an instant like 2026-05-01T09:30:00Z", "须为时间，如 2026-05-01T09:30:00Z");
    }
    return s;
  }

  private static boolean isInstant(String s) {
    try {
      Instant.parse(s);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** An id field, when given: a string and a safe id; null when absent or blank. */
  public static String optionalId(JsonObject j, String field) {
    String s = optionalString(j, field);
    if (s != null && !isId(s)) {
      throw new BadField(field, "is not a valid id", "不是有效的编号");
    }
    return s;
  }

  /** An id field: present, a string, and a safe id. */
  public static String requiredId(JsonObject j, String field) {
    String s = requiredString(j, field);
    if (!isId(s)) {
      throw new BadField(field, "is not a valid id", "不是有效的编号");
    }
    return s;
  }

  public static boolean isId(String s) {
    return s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  }
}
