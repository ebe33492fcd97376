package cn.suixin.hall.browser;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import io.vertx.core.Future;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * A real hall server in this JVM (demo mode: every hall open around the clock) with the accounts
 * the browser tests log in with. Restartable on the same port and data directory.
 */
final class LiveHall implements AutoCloseable {
  static final String HALL = "city";
  static final String PASSWORD = "browser-test-1";

  private final Path data;
  private HallServer server;
  private int port;

  private LiveHall(Path data) {
    this.data = data;
  }

  static LiveHall start(Path data) {
    LiveHall hall = new LiveHall(data);
    hall.boot(0);
    return hall;
  }

  private void boot(int wanted) {
    server = await(HallServer.start(new ServerOptions(Path.of("..", "config"), data, wanted, true), Clock.systemUTC()));
    port = server.port();
  }

  /** Stops the server; screens get 1012 and start reconnecting. */
  void stop() {
    if (server != null) {
      await(server.stop());
      server = null;
    }
  }

  /** A new server on the same port and data directory, as after a deploy. */
  void restart() {
    stop();
    boot(port);
  }

  int port() {
    return port;
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  HallApi api() {
    return new HallApi(url(""));
  }

  void addUser(String username, Role role, String staffNo, String name) {
    await(accounts().addUser(username, role, HALL, staffNo, name, PASSWORD.toCharArray()));
  }

  String addKiosk() {
    return addKiosk(HALL);
  }

  String addKiosk(String hallId) {
    return await(accounts().addDevice(Role.KIOSK, hallId, null, "browser-test-kiosk"));
  }

  private Accounts accounts() {
    return new Accounts(server.vertx(), server.store().records(), Clock.systemUTC());
  }

  @Override
  public void close() {
    stop();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
