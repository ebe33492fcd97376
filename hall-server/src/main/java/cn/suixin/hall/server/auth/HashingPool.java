package cn.suixin.hall.server.auth;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few threads of their own for PBKDF2, with a bounded queue. A flood of logins then waits here,
 * or is refused at once when the queue is full, instead of filling the worker pool that the stores
 * and every other blocking task share.
 */
final class HashingPool {
  /** Seconds a refused login is told to wait: the queue drains in about that long. */
  static final long RETRY_AFTER_SECONDS = 2;

  private final Vertx vertx;
  private final LoginRules rules;
  private final AtomicInteger inFlight = new AtomicInteger();
  private WorkerExecutor executor;

  HashingPool(Vertx vertx, LoginRules rules) {
    this.vertx = vertx;
    this.rules = rules;
  }

  /** Runs the work on a hashing thread, or fails at once with {@link LoginRefused.Reason#BUSY}. */
  <T> Future<T> submit(Callable<T> work) {
    if (inFlight.incrementAndGet() > rules.threads() + rules.queue()) {
      inFlight.decrementAndGet();
      return Future.failedFuture(new LoginRefused(LoginRefused.Reason.BUSY, RETRY_AFTER_SECONDS));
    }
    // unordered: ordered tasks of one context would run one at a time, leaving the second thread
    // idle
    return executor().executeBlocking(work, false).andThen(done -> inFlight.decrementAndGet());
  }

  /** Logins being hashed or waiting for a thread. */
  int inFlight() {
    return inFlight.get();
  }

  /** Made on the first login: an admin command that only adds users never starts the threads. */
  private synchronized WorkerExecutor executor() {
    if (executor == null) {
      executor = vertx.createSharedWorkerExecutor("suixin-password-hashing", rules.threads());
    }
    return executor;
  }
}
