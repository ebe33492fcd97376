package cn.suixin.hall.server.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Set;

/** Reads a request body as a JSON object and refuses fields the route does not know. */
final class Bodies {
  private Bodies() {
  }

  static JsonObject object(RoutingContext rc, String... allowed) {
    String text = rc.body() == null ? null : rc.body().asString();
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    Object parsed;
    try {
      parsed = io.vertx.core.json.Json.decodeValue(text);
    } catch (DecodeException e) {
      throw Problem.badField("body", "not valid JSON");
    }
    if (!(parsed instanceof JsonObject body)) {
      throw Problem.badField("body", "must be a JSON object");
    }
    Set<String> known = Set.of(allowed);
    for (String field : body.fieldNames()) {
      if (!known.contains(field)) {
        throw Problem.badField(field, "unknown field");
      }
    }
    return body;
  }
}
