package cn.suixin.hall.store.redis;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * Damages a hall's stream the way bad media or a careless hand would, binary-safe: the whole stream
 * is read, the entry of one seq changed or removed, and the stream written back under the same ids.
 */
final class StreamSurgery {

  /** One stream entry's fields, name then value, as Redis holds them. */
  record Entry(String id, List<Buffer> fields) {}

  private StreamSurgery() {}

  /** Replaces the entry of {@code seq} by what {@code change} makes of it (null removes it). */
  static void change(String uri, String hall, long seq, UnaryOperator<Entry> change)
      throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Redis redis = Redis.createClient(vertx, uri);
      String key = HallKeys.of(hall).events();
      Response all = get(redis.send(Request.cmd(Command.XRANGE).arg(key).arg("-").arg("+")));
      List<Entry> entries = new ArrayList<>();
      for (Response item : all) {
        List<Buffer> fields = new ArrayList<>();
        item.get(1).forEach(f -> fields.add(f.toBuffer()));
        Entry entry = new Entry(item.get(0).toString(), fields);
        entries.add(entry.id().equals(seq + "-0") ? change.apply(entry) : entry);
      }
      get(redis.send(Request.cmd(Command.DEL).arg(key)));
      for (Entry entry : entries) {
        if (entry == null) {
          continue;
        }
        Request add = Request.cmd(Command.XADD).arg(key).arg(entry.id());
        entry.fields().forEach(add::arg);
        get(redis.send(add));
      }
      redis.close();
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  /** The entry with one byte of its event flipped, in the middle of the payload. */
  static Entry flipped(Entry entry) {
    List<Buffer> fields = new ArrayList<>(entry.fields());
    byte[] payload = fields.get(1).getBytes();
    payload[payload.length / 2] ^= 0x01;
    fields.set(1, Buffer.buffer(payload));
    return new Entry(entry.id(), fields);
  }

  private static <T> T get(io.vertx.core.Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
