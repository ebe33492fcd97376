package cn.suixin.hall.server.hall;

import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

/** A command waiting for its batch; {@code message} is null for the hall's own ticks. */
record PendingCommand(JsonObject body, Message<JsonObject> message, long arrivedNanos) {

  void answer(JsonObject reply) {
    if (message != null) {
      message.reply(reply);
    }
  }
}
