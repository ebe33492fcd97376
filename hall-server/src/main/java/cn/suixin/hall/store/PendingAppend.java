package cn.suixin.hall.store;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.List;

/** An append waiting for the journal's writer, with the context its caller hears back on. */
record PendingAppend(List<JournalEntry> entries, Context context, Promise<Void> promise) {

  long firstSeq() {
    return entries.get(0).seq();
  }

  int bytes() {
    return entries.stream().mapToInt(e -> Frames.size(e.payload())).sum();
  }

  void succeed() {
    SerialLane.completeOn(context, promise, Future.succeededFuture());
  }

  void fail(Throwable cause) {
    SerialLane.completeOn(context, promise, Future.failedFuture(cause));
  }
}
