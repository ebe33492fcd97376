package cn.suixin.hall.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;

/** A write waiting for the record store's writer, with the context its caller hears back on. */
record RecordMutation(
    Kind kind,
    String collection,
    String key,
    JsonObject value,
    Context context,
    Promise<JsonObject> promise) {

  enum Kind {
    PUT,
    PUT_IF_ABSENT,
    REMOVE
  }

  void succeed(JsonObject result) {
    SerialLane.completeOn(context, promise, Future.succeededFuture(result));
  }

  void fail(Throwable cause) {
    SerialLane.completeOn(context, promise, Future.failedFuture(cause));
  }
}
