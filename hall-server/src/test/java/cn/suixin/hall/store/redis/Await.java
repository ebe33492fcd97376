package cn.suixin.hall.store.redis;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;

/** Blocking waits for the Redis tests, which read best as a script of an outage. */
final class Await {

  private Await() {}

  /** The result, or an exception whose cause is the future's failure. */
  static <T> T await(Future<T> future) throws Exception {
    try {
      return future.await(10, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      throw new Exception("failed: " + e.getMessage(), e);
    }
  }
}
