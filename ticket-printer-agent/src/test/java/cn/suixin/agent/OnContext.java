package cn.suixin.agent;

import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.ThreadingModel;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * How a test reaches state that belongs to a Vert.x context, as the agent's drivers do: the work
 * runs there and the test waits for its outcome, under the tests' one limit.
 */
public final class OnContext {

  private OnContext() {}

  /**
   * A context of its own, as a deployed verticle has: a worker like the agent's, or an event loop.
   */
  public static Context of(Vertx vertx, ThreadingModel model) throws Exception {
    Owner owner = new Owner();
    result(vertx.deployVerticle(owner, new DeploymentOptions().setThreadingModel(model)));
    return owner.context();
  }

  public static <T> T call(Context context, Callable<T> work) throws Exception {
    return await(
        context,
        () -> {
          try {
            return Future.succeededFuture(work.call());
          } catch (Exception e) {
            return Future.failedFuture(e);
          }
        });
  }

  public static void run(Context context, Work work) throws Exception {
    call(
        context,
        () -> {
          work.run();
          return null;
        });
  }

  public static <T> T await(Context context, Supplier<Future<T>> work) throws Exception {
    Promise<T> outcome = Promise.promise();
    context.runOnContext(v -> work.get().onComplete(outcome));
    return result(outcome.future());
  }

  public static <T> T result(Future<T> future) throws Exception {
    return future.await(Eventually.LIMIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Something that runs on a context and may fail as a test's code does. */
  public interface Work {
    void run() throws Exception;
  }

  private static final class Owner extends VerticleBase {
    Context context() {
      return context;
    }
  }
}
