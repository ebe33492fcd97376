package cn.suixin.hall.store.redis;

import cn.suixin.hall.store.RecordStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Records in Redis: one hash per collection, {@code {records}:<collection>}, holding JSON values,
 * beside a sorted set that remembers the order keys were first written. Everything goes over one
 * dedicated connection, so a read sent after a write sees it, as with the embedded store. Durable
 * as far as Redis is configured to be ({@code appendfsync always} for no loss at all).
 */
public final class RedisRecordStore implements RecordStore {

  private final StoreContext context;
  private final RedisLink link;

  RedisRecordStore(StoreContext context, RedisLink link) {
    this.context = context;
    this.link = link;
  }

  @Override
  public Future<Void> put(String collection, String key, JsonObject value) {
    String json = Objects.requireNonNull(value, "value").encode();
    return write(RecordScripts.PUT, collection, key, json).mapEmpty();
  }

  @Override
  public Future<JsonObject> get(String collection, String key) {
    RecordKeys keys = RecordKeys.of(collection);
    Objects.requireNonNull(key, "key");
    return context
        .call(() -> link.send(Request.cmd(Command.HGET).arg(keys.values()).arg(key)))
        .map(RedisRecordStore::json);
  }

  @Override
  public Future<JsonObject> putIfAbsent(String collection, String key, JsonObject value) {
    String json = Objects.requireNonNull(value, "value").encode();
    return write(RecordScripts.PUT_IF_ABSENT, collection, key, json).map(RedisRecordStore::json);
  }

  @Override
  public Future<Void> remove(String collection, String key) {
    return write(RecordScripts.REMOVE, collection, key, null).mapEmpty();
  }

  @Override
  public Future<List<JsonObject>> list(String collection) {
    RecordKeys keys = RecordKeys.of(collection);
    return context
        .call(() -> link.eval(RecordScripts.LIST, keyList(keys), List.of()))
        .map(
            values -> {
              List<JsonObject> list = new ArrayList<>(values.size());
              values.forEach(v -> list.add(json(v)));
              return list;
            });
  }

  /** The connection belongs to the store, which closes it. */
  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }

  private Future<Response> write(LuaScript script, String collection, String key, String json) {
    RecordKeys keys = RecordKeys.of(collection);
    Objects.requireNonNull(key, "key");
    List<Object> args = json == null ? List.of(key) : List.of(key, json);
    return context.call(() -> link.eval(script, keyList(keys), args));
  }

  private static List<String> keyList(RecordKeys keys) {
    return List.of(keys.values(), keys.order(), keys.counter());
  }

  private static JsonObject json(Response response) {
    return response == null ? null : new JsonObject(response.toBuffer());
  }
}
