package cn.suixin.hall.server.agent;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.hall.Addresses;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A whole hall server in this JVM, with accounts made on the spot and a blocking HTTP client. */
final class RunningHall implements AutoCloseable {
  static final String HALL = "city";
  static final String PASSWORD = "suixin-test-pw";
  private final HallServer server;
  private final Accounts accounts;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  /** Every live message of the city hall, in publication order. */
  final List<JsonObject> events = new CopyOnWriteArrayList<>();

  private RunningHall(HallServer server) throws Exception {
    this.server = server;
    this.accounts = new Accounts(server.vertx(), server.store().records(), Clock.systemUTC());
    server.vertx().eventBus().<JsonObject>consumer(Addresses.events(HALL), m -> events.add(m.body()))
        .completion().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
  }

  static RunningHall start(Path data) throws Exception {
    HallServer s = HallServer.start(new ServerOptions(Path.of("..", "config"), data, 0, true), Clock.systemUTC())
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    return new RunningHall(s);
  }

  int port() {
    return server.port();
  }

  URI agentUri() {
    return URI.create("ws://127.0.0.1:" + port() + "/api/v1/agents/live");
  }

  String device(Role kind, String window, String name) throws Exception {
    return accounts.addDevice(kind, HALL, window, name).toCompletionStage().toCompletableFuture()
        .get(5, TimeUnit.SECONDS);
  }

  /** A user with that role and staff number; returns a session token. */
  String user(String username, Role role, String staffNo, String name) throws Exception {
    accounts.addUser(username, role, HALL, staffNo, name, PASSWORD.toCharArray()).toCompletionStage()
        .toCompletableFuture().get(5, TimeUnit.SECONDS);
    return post("/api/v1/auth/login", null, new JsonObject().put("username", username).put("password", PASSWORD))
        .body().getString("token");
  }

  Reply post(String path, String token, JsonObject body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(15)).header("Content-Type", "application/json")
        .header("Idempotency-Key", UUID.randomUUID().toString())
        .POST(HttpRequest.BodyPublishers.ofString(body.encode()));
    return send(b, token);
  }

  Reply get(String path, String token) throws Exception {
    return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
        .timeout(Duration.ofSeconds(15)).GET(), token);
  }

  private Reply send(HttpRequest.Builder b, String token) throws Exception {
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(r.statusCode(), r.body().isEmpty() ? new JsonObject() : new JsonObject(r.body()));
  }

  /** Live messages of one type seen so far. */
  List<JsonObject> events(String type) {
    return events.stream().filter(e -> type.equals(e.getString("type"))).toList();
  }

  @Override
  public void close() throws Exception {
    server.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  record Reply(int status, JsonObject body) {
  }
}
