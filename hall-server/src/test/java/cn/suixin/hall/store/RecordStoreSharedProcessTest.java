package cn.suixin.hall.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("A record store shared with an admin command in another process")
class RecordStoreSharedProcessTest {

  @TempDir Path dir;

  @Test
  @DisplayName("keeps the writes of both when they write at the same time, compactions included")
  void concurrent_writers_in_two_processes(Vertx vertx) throws Exception {
    FileRecordStore server = new FileRecordStore(vertx, dir, 0);
    await(server.put("users", "server-0", new JsonObject().put("by", "server")));

    Process admin = startAdmin("admin", 300);
    // Keep writing for as long as the admin process lives, so the two really interleave.
    int written = 0;
    while (written < 300 || admin.isAlive()) {
      List<Future<Void>> writes = new ArrayList<>();
      for (int i = 0; i < 10; i++, written++) {
        writes.add(
            server.put(
                "users",
                "server-" + (written % 50),
                new JsonObject().put("by", "server").put("i", written)));
      }
      await(Future.all(writes));
    }
    assertThat(admin.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(admin.exitValue()).as(Files.readString(dir.resolve("admin.err"))).isZero();

    List<JsonObject> users = await(server.list("users"));
    assertThat(users.stream().filter(u -> "admin".equals(u.getString("by")))).hasSize(300);
    assertThat(users.stream().filter(u -> "server".equals(u.getString("by")))).hasSize(50);
    assertThat(await(server.get("users", "admin-299")).getInteger("i")).isEqualTo(299);
    assertThat(server.compactionCount()).isPositive();
    await(server.close());

    FileRecordStore reopened = new FileRecordStore(vertx, dir, 0);
    assertThat(await(reopened.list("users"))).hasSize(350);
    await(reopened.close());
  }

  private Process startAdmin(String prefix, int count) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            RecordStoreAdminMain.class.getName(),
            dir.toString(),
            prefix,
            String.valueOf(count))
        .redirectError(dir.resolve("admin.err").toFile())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
