package cn.suixin.hall.store;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the admin command run while the server is up: opens the record store of a data
 * folder, adds {@code count} users named {@code <prefix>-<i>}, closes and exits 0, or exits 1.
 */
public final class RecordStoreAdminMain {

  private RecordStoreAdminMain() {}

  public static void main(String[] args) {
    Vertx vertx = Vertx.vertx();
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    FileRecordStore store = new FileRecordStore(vertx, Path.of(args[0]), 0);
    List<Future<Void>> writes = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      writes.add(
          store.put("users", prefix + "-" + i, new JsonObject().put("by", prefix).put("i", i)));
    }
    int status =
        Future.all(writes)
            .compose(v -> store.close())
            .transform(
                ar -> {
                  if (ar.failed()) {
                    ar.cause().printStackTrace();
                  }
                  return vertx.close().map(ar.succeeded() ? 0 : 1);
                })
            .await();
    System.exit(status);
  }
}
