package cn.suixin.hall.server.crash;

import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.auth.StoredUsers;
import cn.suixin.hall.store.FileRecordStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Writes accounts into a data folder before a server process opens it, in-process and without the
 * few seconds an admin-command JVM costs; the record store is the same one the server reads.
 */
public final class DataSeed implements AutoCloseable {
  public static final String PASSWORD = "crash-test-pw";
  private final Vertx vertx = Vertx.vertx();
  private final FileRecordStore records;
  private final Accounts accounts;

  public DataSeed(Path data) throws Exception {
    java.nio.file.Files.createDirectories(data);
    records = await(FileRecordStore.open(vertx, data));
    accounts = new Accounts(vertx, records, Clock.systemUTC());
  }

  /**
   * A clerk hashed with the server processes' count, so logging in costs them what their own hashes
   * cost.
   */
  public DataSeed clerk(String username, String hall, String staffNo) throws Exception {
    await(
        records.put(
            Accounts.USERS,
            username,
            StoredUsers.user(
                username,
                Role.CLERK,
                hall,
                staffNo,
                "测试" + staffNo,
                PASSWORD,
                ServerProcess.PASSWORD_ITERATIONS)));
    return this;
  }

  /** Registers a kiosk and returns its bearer token. */
  public String kiosk(String hall) throws Exception {
    return await(accounts.addDevice(Role.KIOSK, hall, null, "crash-kiosk"));
  }

  @Override
  public void close() throws Exception {
    try {
      await(records.close());
    } finally {
      await(vertx.close());
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
