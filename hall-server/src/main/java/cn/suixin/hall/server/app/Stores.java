package cn.suixin.hall.server.app;

import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.JournalStore;
import cn.suixin.hall.store.redis.RedisJournalStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Opens the store the options name: files under the data folder, or Redis. */
final class Stores {
  private Stores() {}

  static Future<JournalStore> open(Vertx vertx, ServerOptions options) {
    if (options.store().equals("redis")) {
      return Future.succeededFuture(RedisJournalStore.create(vertx, options.redisUri()));
    }
    return Future.succeededFuture(new EmbeddedJournalStore(vertx, options.data()));
  }
}
