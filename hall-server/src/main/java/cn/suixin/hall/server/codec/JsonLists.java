package cn.suixin.hall.server.codec;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Readers of list fields and their elements, failing with the element's path ({@code tickets[2]}).
 */
public final class JsonLists {
  private JsonLists() {}

  /** An array field; null when absent. */
  public static JsonArray optionalArray(JsonObject j, String field) {
    Object v = j.getValue(field);
    if (v != null && !(v instanceof JsonArray)) {
      throw new BadField(field, "must be a list", "须为列表");
    }
    return (JsonArray) v;
  }

  public static JsonArray requiredArray(JsonObject j, String field) {
    JsonArray a = optionalArray(j, field);
    if (a == null) {
      throw new BadField(field, "is required: a list", "为必填项，须为列表");
    }
    return a;
  }

  /** Element i of the array field {@code field}, which must be an object. */
  public static JsonObject objectAt(JsonArray a, String field, int i) {
    if (!(a.getValue(i) instanceof JsonObject o)) {
      throw new BadField(FieldPath.index(field, i), "must be an object", "须为对象");
    }
    return o;
  }

  /** Element i of the array field {@code field}, which must be non-blank text. */
  public static String stringAt(JsonArray a, String field, int i) {
    if (!(a.getValue(i) instanceof String s) || s.isBlank()) {
      throw new BadField(FieldPath.index(field, i), "must be non-blank text", "须为非空文本");
    }
    return s;
  }
}
