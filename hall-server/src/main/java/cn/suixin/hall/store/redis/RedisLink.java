package cn.suixin.hall.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import io.vertx.redis.client.impl.PooledRedisConnection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One dedicated, pipelined connection that reconnects on the next call after it broke. Requests
 * on one connection are answered in order, so a read sent after a write sees it. Every call is
 * bounded by a timeout; a timed-out connection is dropped, since Redis may be wedged behind it.
 * Only the store's context touches a link.
 */
final class RedisLink {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

  private final String name;
  private final Redis client;
  private final long timeoutMillis;
  private final List<LuaScript> scripts;
  private Future<RedisConnection> connection;
  private boolean closed;

  RedisLink(Vertx vertx, RedisOptions options, String name, long timeoutMillis, List<LuaScript> scripts) {
    this.name = name;
    this.client = Redis.createClient(vertx, new RedisOptions(options).setMaxPoolSize(1));
    this.timeoutMillis = timeoutMillis;
    this.scripts = scripts;
  }

  Future<Response> send(Request request) {
    return connection().compose(c -> c.send(request)
            .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
            .onFailure(t -> {
              if (!RedisErrors.isReply(t) || RedisErrors.hasCode(t, "CONNECTION_CLOSED")) {
                drop(c);
              }
            }))
        .recover(t -> Future.failedFuture(RedisErrors.unavailable(name, t)));
  }

  /** Runs a script by its SHA-1, falling back to its source when Redis forgot it. */
  Future<Response> eval(LuaScript script, List<String> keys, List<Object> args) {
    return send(script.evalSha(keys, args)).recover(t -> RedisErrors.hasCode(t, "NOSCRIPT")
        ? send(script.eval(keys, args))
        : Future.failedFuture(t));
  }

  Future<Void> close() {
    closed = true;
    Future<Void> released = connection == null ? Future.succeededFuture()
        : connection.transform(ar -> ar.succeeded() ? ar.result().close() : Future.succeededFuture());
    connection = null;
    return released.transform(ar -> client.close());
  }

  private Future<RedisConnection> connection() {
    if (closed) {
      return Future.failedFuture(new IllegalStateException(name + " is closed"));
    }
    if (connection == null) {
      Future<RedisConnection> attempt = client.connect()
          .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
          .compose(this::prepare);
      connection = attempt;
      attempt.onFailure(t -> {
        if (connection == attempt) {
          connection = null;
        }
      });
    }
    return connection;
  }

  private Future<RedisConnection> prepare(RedisConnection c) {
    c.exceptionHandler(t -> {
      LOG.warn("{}: connection failed: {}", name, t.toString());
      drop(c);
    });
    c.endHandler(v -> drop(c));
    if (scripts.isEmpty()) {
      return Future.succeededFuture(c);
    }
    // Loaded on every new connection: a restarted Redis starts with an empty script cache.
    return c.batch(scripts.stream().map(LuaScript::load).toList())
        .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
        .map(c)
        .onFailure(t -> c.close());
  }

  /**
   * Closes the socket itself: handing a wedged or broken connection back to the pool would only
   * get it leased again on the next call.
   */
  private void drop(RedisConnection c) {
    if (connection != null && connection.succeeded() && connection.result() == c) {
      connection = null;
      LOG.warn("{}: dropped the connection; the next call reconnects", name);
    }
    if (c instanceof PooledRedisConnection pooled) {
      pooled.actual().forceClose();
    }
    c.close();
  }
}
