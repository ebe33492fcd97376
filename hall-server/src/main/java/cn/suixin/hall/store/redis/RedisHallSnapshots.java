package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.HallSnapshot;
import cn.suixin.hall.store.HallSnapshots;
import cn.suixin.hall.store.SnapshotFrame;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The snapshot of one hall as the string {@code {hall:<id>}:snapshot}, holding the same {@link
 * SnapshotFrame} bytes as the embedded store's file. SET replaces the value atomically, so a reader
 * sees the old snapshot or the new one. Calls go through the store's pool, since a multi-megabyte
 * value on the journal writer's connection would hold up every hall's appends; the pool does not
 * keep order, so this hall's saves are chained here, and a read waits for the saves asked before
 * it. State lives on the store's context only.
 */
final class RedisHallSnapshots implements HallSnapshots {

  private static final Logger LOG = LoggerFactory.getLogger(RedisHallSnapshots.class);

  private final String hallId;
  private final String key;
  private final StoreContext context;
  private final Function<Request, Future<Response>> send;
  private Future<Void> lastSave = Future.succeededFuture();

  RedisHallSnapshots(
      String hallId, StoreContext context, Function<Request, Future<Response>> send) {
    this.hallId = hallId;
    this.key = HallKeys.of(hallId).snapshot();
    this.context = context;
    this.send = send;
  }

  @Override
  public Future<Void> save(HallSnapshot snapshot) {
    Buffer framed = frame(Objects.requireNonNull(snapshot, "snapshot"));
    return context.call(
        () -> {
          Future<Void> saved =
              afterSaves()
                  .compose(v -> send.apply(Request.cmd(Command.SET).arg(key).arg(framed)))
                  .mapEmpty();
          lastSave = saved;
          return saved;
        });
  }

  @Override
  public Future<HallSnapshot> latest() {
    // Decoded on the caller's context: checking a large image is no work for the shared one.
    return context
        .call(() -> afterSaves().compose(v -> send.apply(Request.cmd(Command.GET).arg(key))))
        .map(this::decode);
  }

  /**
   * Completes, on the store's context, once the saves asked so far are done, however they ended.
   */
  Future<Void> afterSaves() {
    return lastSave.transform(ar -> Future.succeededFuture());
  }

  private HallSnapshot decode(Response value) {
    if (value == null) {
      return null;
    }
    try {
      return SnapshotFrame.decode(ByteBuffer.wrap(value.toBuffer().getBytes()));
    } catch (SnapshotFrame.Damaged e) {
      LOG.warn(
          "Snapshot of hall {} in Redis key {} is damaged ({}); ignoring it, the hall replays its whole journal",
          hallId,
          key,
          e.getMessage());
      return null;
    }
  }

  private static Buffer frame(HallSnapshot snapshot) {
    byte[] image = snapshot.image();
    return Buffer.buffer(SnapshotFrame.HEADER + image.length)
        .appendBytes(SnapshotFrame.header(snapshot).array())
        .appendBytes(image);
  }
}
