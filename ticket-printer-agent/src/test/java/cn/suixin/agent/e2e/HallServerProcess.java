package cn.suixin.agent.e2e;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.hall.Addresses;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real hall-server (every hall, embedded journal, demo hours) in the test JVM, with accounts
 * made on the spot, a blocking HTTP client and the city hall's live messages recorded.
 */
final class HallServerProcess implements AutoCloseable {
  static final String HALL = "city";
  private static final String PASSWORD = "suixin-test-pw";
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private final Path data;
  private HallServer server;
  private Accounts accounts;
  private int port;

  HallServerProcess(Path data) {
    this.data = data;
  }

  /** Starts on the given port (0 for any); the same data folder keeps the journal across restarts. */
  HallServerProcess start(int wantedPort) throws Exception {
    server = HallServer.start(new ServerOptions(Path.of("..", "config"), data, wantedPort, true), Clock.systemUTC())
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    port = server.port();
    accounts = new Accounts(server.vertx(), server.store().records(), Clock.systemUTC());
    server.vertx().eventBus().<JsonObject>consumer(Addresses.events(HALL), m -> events.add(m.body()))
        .completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    return this;
  }

  void stop() throws Exception {
    HallServer s = server;
    server = null;
    s.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  int port() {
    return port;
  }

  URI base() {
    return URI.create("http://127.0.0.1:" + port);
  }

  String device(Role kind, String window, String name) throws Exception {
    return accounts.addDevice(kind, HALL, window, name).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  /** A user of the city hall; returns a session token. */
  String user(String username, Role role, String staffNo, String name) throws Exception {
    accounts.addUser(username, role, HALL, staffNo, name, PASSWORD.toCharArray()).toCompletionStage()
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
    return new HttpCalls(base()).login(username, PASSWORD);
  }

  JsonObject post(String path, String token, JsonObject body) throws Exception {
    return new HttpCalls(base()).post(path, token, body);
  }

  JsonObject get(String path, String token) throws Exception {
    return new HttpCalls(base()).get(path, token);
  }

  /** Live messages of one type published since this process started. */
  List<JsonObject> events(String type) {
    return events.stream().filter(e -> type.equals(e.getString("type"))).toList();
  }

  @Override
  public void close() throws Exception {
    if (server != null) {
      stop();
    }
  }
}
