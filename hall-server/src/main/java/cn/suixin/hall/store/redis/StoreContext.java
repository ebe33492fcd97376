package cn.suixin.hall.store.redis;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.VertxInternal;
import java.util.function.Supplier;

/**
 * The one event loop the Redis store's state and connections live on. Callers come from many hall
 * verticles; confining the queues and links to one context means no locks, and each answer is
 * handed back on the context that asked.
 */
final class StoreContext {

  private final Vertx vertx;
  private final Context context;

  StoreContext(Vertx vertx) {
    this.vertx = vertx;
    this.context = ((VertxInternal) vertx).createEventLoopContext();
  }

  Vertx vertx() {
    return vertx;
  }

  /** Runs the work on the store's context; the result completes on the caller's context. */
  <T> Future<T> call(Supplier<Future<T>> work) {
    Context caller = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    context.runOnContext(
        v -> run(work).onComplete(ar -> caller.runOnContext(w -> promise.handle(ar))));
    return promise.future();
  }

  /** Runs the work on the store's context without hopping back (for work started by the store). */
  <T> Future<T> inside(Supplier<Future<T>> work) {
    Promise<T> promise = Promise.promise();
    context.runOnContext(v -> run(work).onComplete(promise));
    return promise.future();
  }

  static <T> Future<T> run(Supplier<Future<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
