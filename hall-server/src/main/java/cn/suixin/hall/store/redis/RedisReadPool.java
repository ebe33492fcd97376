package cn.suixin.hall.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The small pool replays and snapshots read through, off the writer's connection. A call that times
 * out leaves its pooled connection leased until Redis answers, which behind a dead network path is
 * never: enough of those and every later read waits for a slot that will not come back. So a call
 * that fails other than by Redis's own error reply retires the whole client (closing its sockets,
 * which fails the calls still on them) and the next call builds a fresh one. Only the store's
 * context touches it.
 */
final class RedisReadPool {

  private static final Logger LOG = LoggerFactory.getLogger(RedisReadPool.class);

  private final Vertx vertx;
  private final RedisOptions options;
  private final long timeoutMillis;
  private Redis client;
  private int failuresInARow;
  private boolean closed;

  RedisReadPool(Vertx vertx, RedisOptions options, long timeoutMillis) {
    this.vertx = vertx;
    this.options = options;
    this.timeoutMillis = timeoutMillis;
  }

  Future<Response> send(String what, Request request) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException(what + ": the store is closed"));
    }
    if (client == null) {
      client = Redis.createClient(vertx, options);
    }
    Redis used = client;
    return used.send(request)
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .onSuccess(r -> answered())
        .recover(
            t -> {
              if (!RedisErrors.isReply(t) || RedisErrors.hasCode(t, "CONNECTION_CLOSED")) {
                retire(used, t);
                return Future.failedFuture(RedisErrors.unreachable(what, t));
              }
              return Future.failedFuture(t);
            });
  }

  Future<Void> close() {
    closed = true;
    Redis last = client;
    client = null;
    return last == null ? Future.succeededFuture() : last.close();
  }

  /** Only the first failure on a client retires it; the calls failing with it find it gone. */
  private void retire(Redis used, Throwable why) {
    if (client != used) {
      return;
    }
    client = null;
    if (failuresInARow++ == 0) {
      LOG.warn(
          "read pool: gave up its connections ({}); each read reconnects until Redis answers",
          why.toString());
    } else {
      LOG.debug("read pool: still no connection ({})", why.toString());
    }
    used.close();
  }

  private void answered() {
    if (failuresInARow > 0) {
      LOG.info("read pool: Redis answers again after {} failed attempts", failuresInARow);
      failuresInARow = 0;
    }
  }
}
