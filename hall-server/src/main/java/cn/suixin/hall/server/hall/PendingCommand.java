package cn.suixin.hall.server.hall;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/**
 * A command waiting for its batch: a {@link HallRequest}, or the JSON form of one as it comes from
 * another node; {@code message} is null for the hall's own ticks.
 */
record PendingCommand(Object body, Message<?> message, long arrivedNanos) {

  void answer(JsonObject reply) {
    if (message != null) {
      message.reply(reply);
    }
  }

  /** The command's kind, for the logs. */
  String type() {
    return body instanceof HallRequest r
        ? r.command().getClass().getSimpleName()
        : Faults.commandType(body instanceof JsonObject j ? j : null);
  }
}
