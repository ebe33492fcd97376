package cn.suixin.hall.server.web;

import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.codec.JsonLists;
import cn.suixin.hall.server.view.Masks;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * What people type (a proof, a reason, a comment, the notice, missing materials): a clerk may type
 * a citizen's ID or phone number into it. Every free-text field is read here, and such numbers are
 * masked (5109**********1234, 138****5678) before the hall sees them, so they are never stored,
 * shown or sent on in clear.
 */
public final class FreeText {
  private FreeText() {}

  public static String mask(String text) {
    return Masks.inText(text);
  }

  public static String optional(JsonObject body, String field) {
    return mask(Json.optionalString(body, field));
  }

  public static String required(JsonObject body, String field) {
    return mask(Json.requiredString(body, field));
  }

  /** A list of texts, each non-blank and masked; null when absent. */
  public static JsonArray list(JsonObject body, String field) {
    JsonArray given = JsonLists.optionalArray(body, field);
    if (given == null) {
      return null;
    }
    JsonArray masked = new JsonArray();
    for (int i = 0; i < given.size(); i++) {
      masked.add(mask(JsonLists.stringAt(given, field, i)));
    }
    return masked;
  }
}
