package cn.suixin.hall.store.redis;

import io.vertx.core.Future;
import io.vertx.core.Promise;
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
 * One dedicated, pipelined connection that reconnects on the next call after it broke. Requests on
 * one connection are answered in order, so a read sent after a write sees it. Every call is bounded
 * by a timeout; a timed-out connection is given up, since Redis may be wedged behind it. Only the
 * store's context touches a link.
 *
 * <p>Each connection comes from a client of its own, and giving the connection up closes that
 * client whole. The client's pool cannot be trusted after a timeout: a connect that timed out on
 * our side still completes inside the pool later (when a paused Redis continues), leasing the
 * pool's only slot to a caller who is gone, so every later connect would wait for it forever.
 */
final class RedisLink {

  private static final Logger LOG = LoggerFactory.getLogger(RedisLink.class);

  private final Vertx vertx;
  private final RedisOptions options;
  private final String name;
  private final long timeoutMillis;
  private final List<LuaScript> scripts;
  private Attempt current;
  private int failuresInARow;
  private boolean closed;

  RedisLink(
      Vertx vertx, RedisOptions options, String name, long timeoutMillis, List<LuaScript> scripts) {
    this.vertx = vertx;
    this.options = new RedisOptions(options).setMaxPoolSize(1);
    this.name = name;
    this.timeoutMillis = timeoutMillis;
    this.scripts = scripts;
  }

  Future<Response> send(Request request) {
    if (closed) {
      return Future.failedFuture(new IllegalStateException(name + " is closed"));
    }
    Attempt attempt = attempt();
    return attempt
        .connection
        .compose(
            c ->
                c.send(request)
                    .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .onFailure(
                        t -> {
                          if (!RedisErrors.isReply(t)
                              || RedisErrors.hasCode(t, "CONNECTION_CLOSED")) {
                            giveUp(attempt, t);
                          }
                        }))
        .recover(t -> Future.failedFuture(RedisErrors.unavailable(name, t)));
  }

  /** Runs a script by its SHA-1, falling back to its source when Redis forgot it. */
  Future<Response> eval(LuaScript script, List<String> keys, List<Object> args) {
    return send(script.evalSha(keys, args))
        .recover(
            t ->
                RedisErrors.hasCode(t, "NOSCRIPT")
                    ? send(script.eval(keys, args))
                    : Future.failedFuture(t));
  }

  Future<Void> close() {
    closed = true;
    Attempt last = current;
    current = null;
    return last == null ? Future.succeededFuture() : last.retire();
  }

  private Attempt attempt() {
    if (current == null) {
      Attempt attempt = new Attempt(Redis.createClient(vertx, options));
      current = attempt;
      attempt.connection.onFailure(t -> giveUp(attempt, t));
    }
    return current;
  }

  /**
   * Called from every path that sees the connection fail (the call's own failure, the exception and
   * end handlers, a failed connect); only the first one for an attempt does anything.
   */
  private void giveUp(Attempt attempt, Throwable why) {
    if (attempt.retired) {
      return;
    }
    if (current == attempt) {
      current = null;
    }
    // While Redis stays away every call fails here: one WARN says so, the rest would only flood.
    if (failuresInARow++ == 0) {
      LOG.warn(
          "{}: gave up the connection ({}); each call reconnects until Redis answers",
          name,
          why.toString());
    } else {
      LOG.debug("{}: still no connection ({})", name, why.toString());
    }
    attempt.retire();
  }

  private void connected() {
    if (failuresInARow > 0) {
      LOG.info("{}: connected to Redis again after {} failed attempts", name, failuresInARow);
      failuresInARow = 0;
    }
  }

  /** One client, one connection, used until anything goes wrong with it. */
  private final class Attempt {
    private final Redis client;
    private final Future<RedisConnection> connecting;
    private final Future<RedisConnection> connection;
    private final Promise<Void> ended = Promise.promise();
    private boolean retired;

    Attempt(Redis client) {
      this.client = client;
      this.connecting = client.connect();
      connecting.onSuccess(
          c -> {
            c.exceptionHandler(t -> giveUp(this, t));
            c.endHandler(
                v -> {
                  ended.tryComplete();
                  giveUp(this, new IllegalStateException("Redis closed the connection"));
                });
          });
      this.connection =
          connecting.timeout(timeoutMillis, TimeUnit.MILLISECONDS).compose(this::prepare);
    }

    private Future<RedisConnection> prepare(RedisConnection c) {
      if (scripts.isEmpty()) {
        connected();
        return Future.succeededFuture(c);
      }
      // Loaded on every new connection: a restarted Redis starts with an empty script cache.
      return c.batch(scripts.stream().map(LuaScript::load).toList())
          .timeout(timeoutMillis, TimeUnit.MILLISECONDS)
          .map(c)
          .onSuccess(ready -> connected());
    }

    /**
     * Closes the socket itself first, since a wedged connection would wait for its replies, and the
     * client once the socket is gone; a connect still under way is closed by the client's pool when
     * it completes.
     */
    Future<Void> retire() {
      retired = true;
      Future<Void> socketGone = Future.succeededFuture();
      if (connecting.succeeded() && connecting.result() instanceof PooledRedisConnection pooled) {
        pooled.actual().forceClose();
        socketGone = ended.future().timeout(timeoutMillis, TimeUnit.MILLISECONDS);
      }
      return socketGone.transform(ar -> client.close()).recover(t -> Future.succeededFuture());
    }
  }
}
