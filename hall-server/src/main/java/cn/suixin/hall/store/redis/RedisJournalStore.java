package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.HallSnapshots;
import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.RecordStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The production store: one Redis Stream per hall, fenced by the owner's token, and records in
 * hashes. A node must {@link #acquire} a hall before appending to its journal; a later acquire, by
 * this node or another, fences off every earlier token for good.
 *
 * <p>Durability is what Redis gives: with {@code appendonly yes} and {@code appendfsync always}
 * Redis fsyncs its log before it answers, so an acknowledged append survives a crash of Redis. When
 * Redis is down or wedged, calls fail within the timeout with {@link RedisUnavailableException};
 * later calls reconnect by themselves.
 */
public final class RedisJournalStore implements JournalStore {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private final StoreContext context;
  private final RedisLink writer;
  private final RedisLink recordLink;
  private final RedisReadPool reader;
  private final Map<String, RedisHallJournal> journals = new ConcurrentHashMap<>();
  private final Map<String, RedisHallSnapshots> snapshots = new ConcurrentHashMap<>();
  private final Map<String, Long> tokens = new ConcurrentHashMap<>();
  private final RedisRecordStore records;

  public RedisJournalStore(Vertx vertx, String connectionString, Duration timeout) {
    this.context = new StoreContext(vertx);
    long timeoutMillis = timeout.toMillis();
    RedisOptions options =
        new RedisOptions()
            .setConnectionString(connectionString)
            // Reads of several halls replaying at once queue here; the default of 24 is far too
            // few.
            .setMaxPoolSize(8)
            .setMaxPoolWaiting(4096)
            .setMaxWaitingHandlers(1 << 16);
    options.getNetClientOptions().setConnectTimeout((int) timeoutMillis).setTcpNoDelay(true);
    this.writer =
        new RedisLink(
            vertx,
            options,
            "journal writer",
            timeoutMillis,
            List.of(JournalScripts.APPEND, JournalScripts.ACQUIRE));
    this.recordLink =
        new RedisLink(
            vertx,
            options,
            "record store",
            timeoutMillis,
            List.of(
                RecordScripts.PUT,
                RecordScripts.PUT_IF_ABSENT,
                RecordScripts.REMOVE,
                RecordScripts.LIST));
    this.reader = new RedisReadPool(vertx, options, timeoutMillis);
    this.records = new RedisRecordStore(context, recordLink);
  }

  public static RedisJournalStore create(Vertx vertx, String connectionString) {
    return new RedisJournalStore(vertx, connectionString, DEFAULT_TIMEOUT);
  }

  /**
   * Makes this node the owner of a hall with a fencing token higher than any before; appends
   * through this store carry it from now on. Completes with the token.
   */
  public Future<Long> acquire(String hallId, String nodeId) {
    HallKeys keys = HallKeys.of(hallId);
    return context.call(
        () ->
            writer
                .eval(JournalScripts.ACQUIRE, List.of(keys.fence(), keys.owner()), List.of(nodeId))
                .map(
                    reply -> {
                      long token = reply.toLong();
                      tokens.put(hallId, token);
                      return token;
                    }));
  }

  @Override
  public Future<Long> takeOwnership(String hallId, String nodeId) {
    return acquire(hallId, nodeId);
  }

  /** The token this store appends to a hall with, or {@code null} before {@link #acquire}. */
  public Long token(String hallId) {
    return tokens.get(hallId);
  }

  @Override
  public HallJournal journal(String hallId) {
    HallKeys.of(hallId);
    // A journal closed on its own (say, to rebuild a hall after a failed append) is replaced.
    return journals.compute(
        hallId,
        (id, open) ->
            open == null || open.isClosing()
                ? new RedisHallJournal(id, context, writer, pooled("journal read"), tokens::get)
                : open);
  }

  /** The same instance for the same hall until the store is closed. */
  @Override
  public HallSnapshots snapshots(String hallId) {
    return snapshots.computeIfAbsent(
        hallId, id -> new RedisHallSnapshots(id, context, pooled("snapshot of hall " + id)));
  }

  @Override
  public RecordStore records() {
    return records;
  }

  /** A PING on the writer's own connection: the one every hall's appends go through. */
  @Override
  public Future<Void> ping() {
    return context.call(() -> writer.send(Request.cmd(Command.PING)).mapEmpty());
  }

  @Override
  public Future<Void> close() {
    List<Future<Void>> closing = new ArrayList<>();
    journals.values().forEach(journal -> closing.add(journal.close()));
    journals.clear();
    snapshots.values().forEach(hall -> closing.add(context.inside(hall::afterSaves)));
    snapshots.clear();
    return Future.join(closing)
        .transform(
            ar ->
                context.call(
                    () ->
                        Future.join(writer.close(), recordLink.close(), reader.close())
                            .mapEmpty()));
  }

  /**
   * Calls through the pool, off the writer's connection, so a long replay or a large snapshot holds
   * up no append.
   */
  private Function<Request, Future<Response>> pooled(String what) {
    return request -> reader.send(what, request);
  }
}
