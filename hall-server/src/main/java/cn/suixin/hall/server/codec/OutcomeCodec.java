package cn.suixin.hall.server.codec;

import cn.suixin.hall.engine.Outcome;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A service outcome as JSON: {@code {"outcome": "PENDING_MATERIALS", "missingMaterials": [...],
 * "dueDate": ...}}.
 */
public final class OutcomeCodec {
  private OutcomeCodec() {}

  public static JsonObject encode(Outcome o) {
    if (o instanceof Outcome.PendingMaterials p) {
      return new JsonObject()
          .put("outcome", "PENDING_MATERIALS")
          .put("missingMaterials", new JsonArray(p.missing()))
          .put("dueDate", p.due().toString());
    }
    if (o instanceof Outcome.Referred r) {
      return new JsonObject().put("outcome", "REFERRED").put("referredTo", r.to());
    }
    if (o instanceof Outcome.NotDone n) {
      return new JsonObject().put("outcome", "NOT_DONE").put("reason", n.reason());
    }
    return new JsonObject().put("outcome", "DONE");
  }

  /**
   * @throws IllegalArgumentException naming the field that is wrong
   */
  public static Outcome decode(JsonObject j) {
    String kind = Json.requiredString(j, "outcome");
    switch (kind) {
      case "DONE":
        return new Outcome.Done();
      case "PENDING_MATERIALS":
        JsonArray missing = JsonLists.optionalArray(j, "missingMaterials");
        if (missing == null) {
          throw new BadField("missingMaterials", "required for PENDING_MATERIALS");
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
          list.add(JsonLists.stringAt(missing, "missingMaterials", i));
        }
        String due = Json.requiredString(j, "dueDate");
        try {
          return new Outcome.PendingMaterials(list, LocalDate.parse(due));
        } catch (java.time.format.DateTimeParseException e) {
          throw new BadField("dueDate", "must be a date like 2026-12-01");
        }
      case "REFERRED":
        return new Outcome.Referred(Json.requiredString(j, "referredTo"));
      case "NOT_DONE":
        return new Outcome.NotDone(Json.requiredString(j, "reason"));
      default:
        throw new BadField("outcome", "one of DONE, PENDING_MATERIALS, REFERRED, NOT_DONE");
    }
  }
}
