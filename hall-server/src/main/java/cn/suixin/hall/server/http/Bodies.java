package cn.suixin.hall.server.http;

import cn.suixin.hall.server.codec.FieldPath;
import cn.suixin.hall.server.codec.StrictJson;
import cn.suixin.hall.server.web.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Reads a request body as a standard JSON object (see {@link StrictJson}) and refuses fields the
 * route does not know.
 */
final class Bodies {
  private Bodies() {}

  static JsonObject object(RoutingContext rc, String... allowed) {
    Buffer raw = rc.body() == null ? null : rc.body().buffer();
    String text = raw == null ? null : StrictJson.utf8(raw.getBytes());
    if (text == null || text.isBlank()) {
      return new JsonObject();
    }
    if (!(StrictJson.parse(text) instanceof JsonObject body)) {
      throw Problem.badField("body", "must be a JSON object", "须为 JSON 对象");
    }
    only(body, null, allowed);
    return body;
  }

  /**
   * Refuses a member the object may not have. Its name is repeated only when it looks like a field
   * name (see {@link FieldPath}); the refusal lists the names that are allowed instead.
   */
  static void only(JsonObject o, String path, String... allowed) {
    List<String> known = List.of(allowed);
    for (String field : o.fieldNames()) {
      if (!known.contains(field)) {
        String list = allowed.length == 0 ? "none" : String.join(", ", allowed);
        throw Problem.badField(
                FieldPath.child(path, field),
                "unknown field; the fields allowed here: " + list,
                "不是本接口的字段；可用字段：" + (allowed.length == 0 ? "无" : String.join("、", allowed)))
            .with("allowed", new JsonArray(known));
      }
    }
  }
}
