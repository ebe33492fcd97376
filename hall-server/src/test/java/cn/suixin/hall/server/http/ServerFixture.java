package cn.suixin.hall.server.http;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A real server in this JVM on a free port, with a temporary data directory, every hall open
 * around the clock (demo hours), and the people and devices that API tests act as:
 * <ul>
 *   <li>{@code clerk1}, {@code clerk2}: clerks of the city hall; {@code guide}, {@code supervisor}: city staff;</li>
 *   <li>{@code otherclerk}, {@code otherguide}, {@code othersupervisor}: the same jobs in hall {@code anju};</li>
 *   <li>{@code admin}: city-wide administrator;</li>
 *   <li>devices {@code kiosk}, {@code display}, {@code agent} of the city hall and {@code kioskAnju}.</li>
 * </ul>
 * Requests go through a Vert.x HTTP client; the blocking helpers are for test threads only.
 */
public final class ServerFixture implements AutoCloseable {
  public static final String HALL = "city";
  public static final String OTHER_HALL = "anju";
  public static final String PASSWORD = "suixin-test-secret";
  private static final long TIMEOUT_SECONDS = 30;

  private final HallServer server;
  private final Accounts accounts;
  private final HttpClient http;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Context context;
  private final WebSocketClient webSockets;

  private ServerFixture(HallServer server) {
    this.server = server;
    this.accounts = new Accounts(server.vertx(), server.store().records(), Clock.systemUTC());
    this.context = server.vertx().getOrCreateContext();
    this.webSockets = server.vertx().createWebSocketClient();
    this.http = server.vertx().createHttpClient(
        new HttpClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(server.port()).setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(64));
  }

  /** Starts a server on a free port with data in {@code data}, then creates and logs in everyone. */
  public static ServerFixture start(Path data) {
    return start(data, null);
  }

  /** With the node's public URL set, as {@code --public-url} does. */
  public static ServerFixture start(Path data, String publicUrl) {
    return start(data, o -> new ServerOptions(o.config(), o.data(), o.port(), o.demo(), o.store(), o.redisUri(),
        o.cluster(), publicUrl), Clock.systemUTC());
  }

  /** With options changed from the fixture's (doors, login rules) and a clock the test may move. */
  public static ServerFixture start(Path data, java.util.function.UnaryOperator<ServerOptions> options, Clock clock) {
    HallServer server = await(HallServer.start(options.apply(new ServerOptions(Path.of("..", "config"), data, 0, true,
        "embedded", null, null, null)), clock));
    ServerFixture fixture = new ServerFixture(server);
    fixture.createAccounts();
    return fixture;
  }

  private void createAccounts() {
    List<Future<?>> users = new ArrayList<>();
    users.add(addUserAsync("clerk1", Role.CLERK, HALL));
    users.add(addUserAsync("clerk2", Role.CLERK, HALL));
    users.add(addUserAsync("guide", Role.GUIDE, HALL));
    users.add(addUserAsync("supervisor", Role.SUPERVISOR, HALL));
    users.add(addUserAsync("admin", Role.ADMIN, null));
    users.add(addUserAsync("otherclerk", Role.CLERK, OTHER_HALL));
    users.add(addUserAsync("otherguide", Role.GUIDE, OTHER_HALL));
    users.add(addUserAsync("othersupervisor", Role.SUPERVISOR, OTHER_HALL));
    users.add(addDeviceAsync("kiosk", Role.KIOSK, HALL));
    users.add(addDeviceAsync("kioskAnju", Role.KIOSK, OTHER_HALL));
    users.add(addDeviceAsync("display", Role.DISPLAY, HALL));
    users.add(addDeviceAsync("agent", Role.AGENT, HALL));
    await(Future.all(users));
  }

  /** Creates a user, logs in through the API and remembers the session token under the username. */
  public String addUser(String username, Role role, String hall) {
    return await(addUserAsync(username, role, hall));
  }

  /** Creates several users of one role and hall at once, each logged in like {@link #addUser}. */
  public void addUsers(Role role, String hall, List<String> usernames) {
    await(Future.all(usernames.stream().map(u -> addUserAsync(u, role, hall)).toList()));
  }

  private Future<String> addUserAsync(String username, Role role, String hall) {
    String staffNo = "T-" + username;
    return accounts.addUser(username, role, hall, staffNo, "测试" + username, PASSWORD.toCharArray())
        .compose(u -> send(HttpMethod.POST, "/api/v1/auth/login", null,
            new JsonObject().put("username", username).put("password", PASSWORD).toBuffer(), Map.of()))
        .map(reply -> {
          if (reply.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + reply);
          }
          String token = reply.json().getString("token");
          tokens.put(username, token);
          return token;
        });
  }

  private Future<String> addDeviceAsync(String name, Role kind, String hall) {
    return accounts.addDevice(kind, hall, null, name).map(token -> {
      tokens.put(name, token);
      return token;
    });
  }

  /** The token of a user or device created by this fixture. */
  public String token(String name) {
    String t = tokens.get(name);
    if (t == null) {
      throw new IllegalArgumentException("no such test account: " + name);
    }
    return t;
  }

  /** The staff number the fixture gave a user (what the hall shows as the window's clerk). */
  public static String staffNo(String username) {
    return "T-" + username;
  }

  public int port() {
    return server.port();
  }

  public Vertx vertx() {
    return server.vertx();
  }

  public HallServer server() {
    return server;
  }

  /** {@code /api/v1/halls/city/} followed by {@code rest}. */
  public static String city(String rest) {
    return "/api/v1/halls/" + HALL + "/" + rest;
  }

  public Future<HttpReply> send(HttpMethod method, String path, String token, Buffer body,
      Map<String, String> headers) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path);
    if (token != null) {
      options.putHeader("Authorization", "Bearer " + token);
    }
    if (body != null) {
      options.putHeader("Content-Type", "application/json");
    }
    headers.forEach(options::putHeader);
    // Requested from the client's own event loop: called from a test thread, the response could
    // otherwise end before its body handler is set, and the request would never complete.
    Promise<HttpReply> reply = Promise.promise();
    context.runOnContext(v -> http.request(options)
        .compose(req -> body == null ? req.send() : req.send(body))
        .compose(resp -> resp.body().map(b -> new HttpReply(resp.statusCode(), resp.headers(), b.toString())))
        .onComplete(reply));
    return reply.future();
  }

  public Future<HttpReply> postAsync(String path, String token, JsonObject body) {
    return send(HttpMethod.POST, path, token, body == null ? null : body.toBuffer(), Map.of());
  }

  public HttpReply post(String path, String token, JsonObject body) {
    return await(postAsync(path, token, body));
  }

  public HttpReply post(String path, String token, JsonObject body, String idempotencyKey) {
    return await(send(HttpMethod.POST, path, token, body == null ? null : body.toBuffer(),
        Map.of("Idempotency-Key", idempotencyKey)));
  }

  /** Posts a body exactly as given, for requests that are not valid JSON. */
  public HttpReply postRaw(String path, String token, String body) {
    return await(send(HttpMethod.POST, path, token, Buffer.buffer(body), Map.of()));
  }

  public HttpReply get(String path, String token) {
    return await(send(HttpMethod.GET, path, token, null, Map.of()));
  }

  /** The public snapshot of a hall (what the hall screen starts from). */
  public JsonObject snapshot(String hall) {
    HttpReply r = get("/api/v1/halls/" + hall + "/snapshot", null);
    if (r.status() != 200) {
      throw new IllegalStateException("snapshot of " + hall + ": " + r);
    }
    return r.json();
  }

  /** The city hall's event sequence number: unchanged means nothing happened. */
  public long seq() {
    return snapshot(HALL).getLong("seq");
  }

  /** Issues a ticket for a matter from the city kiosk and returns the ticket. */
  public JsonObject issue(String matter) {
    HttpReply r = post(city("tickets"), token("kiosk"), new JsonObject().put("matter", matter));
    if (r.status() != 201) {
      throw new IllegalStateException("issue " + matter + ": " + r);
    }
    return r.json();
  }

  /** Signs a clerk in at a city window. */
  public void signIn(String clerk, String window) {
    HttpReply r = post(city("windows/" + window + "/sign-in"), token(clerk), null);
    if (r.status() != 200) {
      throw new IllegalStateException(clerk + " signing in at " + window + ": " + r);
    }
  }

  /** Opens a live socket, e.g. {@code /api/v1/halls/city/live?since=3}, collecting what it receives. */
  public LiveClient live(String path) {
    LiveClient client = new LiveClient();
    Promise<LiveClient> opened = Promise.promise();
    // handlers are set on the socket's own event loop as it opens, so no early message is missed
    context.runOnContext(v -> webSockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port())
        .setURI(path)).map(client::attach).onComplete(opened));
    return await(opened.future());
  }

  public static <T> T await(Future<T> future) {
    return await(future, TIMEOUT_SECONDS);
  }

  /** Waits for a future from a test thread; its failure is thrown as it is. */
  public static <T> T await(Future<T> future, long seconds) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.close();
    webSockets.close();
    await(server.stop());
  }
}
