package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.TicketId;
import cn.suixin.hall.engine.config.ChannelId;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.engine.config.WindowId;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Small typed readers over JsonObject that fail with the name of the bad field. */
public final class Json {
  private Json() {
  }

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
      throw new BadField(field, "is required");
    }
    if (!(v instanceof String s)) {
      throw new BadField(field, "must be a string");
    }
    if (s.isBlank()) {
      throw new BadField(field, "must not be blank");
    }
    return s;
  }

  public static String optionalString(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof String s)) {
      throw new BadField(field, "must be a string");
    }
    return s.isBlank() ? null : s;
  }

  public static Integer optionalInt(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v == null) {
      return null;
    }
    if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
      throw new BadField(field, "must be a whole number");
    }
    // intValue() wraps: 4294967297 would quietly become 1
    if (n.doubleValue() < Integer.MIN_VALUE || n.doubleValue() > Integer.MAX_VALUE) {
      throw new BadField(field, "is out of range");
    }
    return n.intValue();
  }

  public static int requiredInt(JsonObject j, String field) {
    Integer v = optionalInt(j, field);
    if (v == null) {
      throw new BadField(field, "is required");
    }
    return v;
  }

  /** An id field: present, a string, and a safe id. */
  public static String requiredId(JsonObject j, String field) {
    String s = requiredString(j, field);
    if (!s.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new BadField(field, "is not a valid id");
    }
    return s;
  }
}
