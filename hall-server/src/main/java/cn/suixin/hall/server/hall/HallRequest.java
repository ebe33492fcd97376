package cn.suixin.hall.server.hall;

import cn.suixin.hall.engine.Asker;
import cn.suixin.hall.engine.HallCommand;
import cn.suixin.hall.server.codec.CommandCodec;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * A command on its way to a hall's owner: what is asked, who asks, and the idempotency key a retry
 * of the same request carries (null without one). Sent as it is to an owner in this JVM; as its
 * JSON form ({@link #toJson}) to an owner on another node.
 */
public record HallRequest(HallCommand command, Asker asker, String idempotencyKey) {
  public HallRequest {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(asker, "asker");
  }

  public static HallRequest of(HallCommand command) {
    return new HallRequest(command, Asker.ANYONE, null);
  }

  public HallRequest askedBy(Asker who) {
    return new HallRequest(command, who, idempotencyKey);
  }

  public HallRequest withKey(String key) {
    return new HallRequest(command, asker, key);
  }

  /**
   * The command's JSON form with {@code asClerk} and {@code idem}, as tests and older callers send
   * it.
   */
  public JsonObject toJson() {
    JsonObject j = CommandCodec.encode(command);
    if (asker.isClerk()) {
      j.put("asClerk", asker.clerkStaffNo());
    }
    return idempotencyKey == null ? j : j.put("idem", idempotencyKey);
  }

  /**
   * @throws cn.suixin.hall.server.codec.BadField naming the field that is missing or malformed
   */
  public static HallRequest fromJson(JsonObject j) {
    return new HallRequest(CommandCodec.decode(j), CommandCodec.asker(j), j.getString("idem"));
  }
}
