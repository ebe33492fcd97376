package cn.suixin.hall.store;

import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * One dedicated thread per store file, running its blocking I/O in submission order. A plain
 * single-thread executor rather than a Vert.x worker executor: tasks may be queued from any thread,
 * the writer thread included, with strict FIFO order and no context rules to reason about; results
 * are handed back to the caller's context explicitly.
 */
final class SerialLane {

  private final Vertx vertx;
  private final String name;
  private final ExecutorService executor;

  SerialLane(Vertx vertx, String name) {
    this.vertx = vertx;
    this.name = name;
    this.executor =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs the task on the lane; the future completes on the calling context. */
  <T> Future<T> submit(Callable<T> task) {
    Context context = vertx.getOrCreateContext();
    Promise<T> promise = Promise.promise();
    try {
      executor.execute(() -> completeOn(context, promise, call(task)));
    } catch (RejectedExecutionException e) {
      return Future.failedFuture(new IllegalStateException(name + " is closed"));
    }
    return promise.future();
  }

  /** Queues a task; returns false once the lane is shut down. */
  boolean execute(Runnable task) {
    try {
      executor.execute(task);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  void shutdown() {
    executor.shutdown();
  }

  static <T> void completeOn(Context context, Promise<T> promise, AsyncResult<T> result) {
    context.runOnContext(v -> promise.handle(result));
  }

  private static <T> AsyncResult<T> call(Callable<T> task) {
    try {
      return Future.succeededFuture(task.call());
    } catch (Throwable t) {
      return Future.failedFuture(t);
    }
  }
}
