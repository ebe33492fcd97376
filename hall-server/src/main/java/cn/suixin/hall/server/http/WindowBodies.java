package cn.suixin.hall.server.http;

import cn.suixin.hall.engine.Outcome;
import cn.suixin.hall.engine.config.MatterCode;
import cn.suixin.hall.server.codec.BadField;
import cn.suixin.hall.server.codec.FieldPath;
import cn.suixin.hall.server.codec.Json;
import cn.suixin.hall.server.codec.JsonLists;
import cn.suixin.hall.server.codec.OutcomeCodec;
import cn.suixin.hall.server.web.FreeText;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The window bodies with more than plain fields, checked to the last element and rebuilt from what
 * was checked, so the hall never gets a value of a shape it does not expect.
 */
final class WindowBodies {
  /** The weight of a matter a window is given without one. */
  private static final int USUAL_WEIGHT = 5;

  private WindowBodies() {}

  /** A service's outcome, read as the hall reads it (OutcomeCodec). */
  static Outcome outcome(JsonObject body) {
    return OutcomeCodec.decode(outcomeFields(body));
  }

  private static JsonObject outcomeFields(JsonObject body) {
    JsonObject o = new JsonObject().put("outcome", Json.requiredString(body, "outcome"));
    JsonArray missing = FreeText.list(body, "missingMaterials");
    if (missing != null) {
      o.put("missingMaterials", missing);
    }
    String due = Json.optionalString(body, "dueDate");
    String referredTo = FreeText.optional(body, "referredTo");
    String reason = FreeText.optional(body, "reason");
    return o.put("dueDate", due).put("referredTo", referredTo).put("reason", reason);
  }

  /**
   * {@code [code, ...]} (each at the usual weight) or {@code {code: weight}}; weights 1..10 are the
   * hall's rule.
   */
  static Map<MatterCode, Integer> matters(JsonObject body) {
    Object raw = body.getValue("matters");
    Map<MatterCode, Integer> weights = new LinkedHashMap<>();
    if (raw instanceof JsonArray list) {
      for (int i = 0; i < list.size(); i++) {
        String code = JsonLists.stringAt(list, "matters", i);
        if (!Json.isId(code)) {
          throw new BadField(FieldPath.index("matters", i), "must be a matter code", "须为事项编码");
        }
        weights.put(new MatterCode(code), USUAL_WEIGHT);
      }
      return weights;
    }
    if (raw instanceof JsonObject map) {
      for (String code : map.fieldNames()) {
        if (!Json.isId(code)) {
          throw new BadField("matters", "its keys must be matter codes", "键须为事项编码");
        }
        try {
          weights.put(new MatterCode(code), Json.requiredInt(map, code));
        } catch (BadField e) {
          throw new BadField(FieldPath.child("matters", code), e.problem(), e.problemZh());
        }
      }
      return weights;
    }
    throw new BadField(
        "matters",
        "is required: a list of matter codes or a map of code to weight",
        "为必填项：事项编码的列表，或事项编码到权重的映射");
  }
}
