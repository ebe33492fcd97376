package cn.suixin.hall.server.http;

import cn.suixin.hall.server.app.HallServer;
import cn.suixin.hall.server.app.ServerOptions;
import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.hall.Addresses;
import cn.suixin.hall.store.JournalStore;
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
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The one way tests start a hall server in their own JVM: a real server on a free port (or a chosen
 * one), a temporary data directory, every hall open around the clock (demo hours), and, unless
 * {@link Builder#withoutTestAccounts()} says otherwise, the people and devices API tests act as:
 *
 * <ul>
 *   <li>{@code clerk1}, {@code clerk2}: clerks of the city hall; {@code guide}, {@code supervisor}:
 *       city staff;
 *   <li>{@code otherclerk}, {@code otherguide}, {@code othersupervisor}: the same jobs in hall
 *       {@code anju};
 *   <li>{@code admin}: city-wide administrator;
 *   <li>devices {@code kiosk}, {@code display}, {@code agent} of the city hall and {@code
 *       kioskAnju}.
 * </ul>
 *
 * {@link #builder(Path)} sets the rest: options (doors, login rules, public URL), the store kind
 * (embedded or Redis), a clock, a store wrapper, system properties for the server's start, and
 * whether the city hall's live messages are recorded. A server that must die by SIGKILL or form a
 * cluster runs in its own JVM instead: {@code cn.suixin.hall.server.crash.ServerProcess}. Requests
 * go through a Vert.x HTTP client; the blocking helpers are for test threads only.
 */
public final class ServerFixture implements AutoCloseable {
  public static final String HALL = "city";
  public static final String OTHER_HALL = "anju";
  public static final String PASSWORD = "suixin-test-secret";

  /** The shipped configuration; Surefire runs tests from the module folder. */
  public static final Path SHIPPED_CONFIG = Path.of("..", "config");

  private static final long TIMEOUT_SECONDS = 30;

  /**
   * A start replays every hall; on a build machine shared by several builds that can take a while.
   */
  private static final long START_SECONDS = 60;

  private final Builder settings;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final List<JsonObject> events = new CopyOnWriteArrayList<>();
  private HallServer server;
  private int port;
  private Accounts accounts;
  private HttpClient http;
  private Context context;
  private WebSocketClient webSockets;

  private ServerFixture(Builder settings) {
    this.settings = settings;
  }

  /**
   * Starts a server on a free port with data in {@code data}, then creates and logs in everyone.
   */
  public static ServerFixture start(Path data) {
    return builder(data).start();
  }

  /** With the node's public URL set, as {@code --public-url} does. */
  public static ServerFixture start(Path data, String publicUrl) {
    return builder(data).publicUrl(publicUrl).start();
  }

  /** With options changed from the fixture's (doors, login rules) and a clock the test may move. */
  public static ServerFixture start(Path data, UnaryOperator<ServerOptions> options, Clock clock) {
    return builder(data).options(options).clock(clock).start();
  }

  /** A server to be set up further before {@link Builder#start()}. */
  public static Builder builder(Path data) {
    return new Builder(data);
  }

  /** How the next server starts; every setting has the default the API tests use. */
  public static final class Builder {
    private final Path data;
    private Path config = SHIPPED_CONFIG;
    private int port;
    private String store = "embedded";
    private String redisUri;
    private String publicUrl;
    private UnaryOperator<ServerOptions> options = UnaryOperator.identity();
    private UnaryOperator<JournalStore> aroundStore = UnaryOperator.identity();
    private Clock clock = Clock.systemUTC();
    private boolean testAccounts = true;
    private boolean recordEvents;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private Builder(Path data) {
      this.data = data;
    }

    public Builder config(Path folder) {
      this.config = folder;
      return this;
    }

    /**
     * A fixed port, for tests that restart the server where its clients expect it; 0 (the default)
     * picks one.
     */
    public Builder port(int wanted) {
      this.port = wanted;
      return this;
    }

    /** The Redis store at {@code uri} instead of the embedded one. */
    public Builder redis(String uri) {
      this.store = "redis";
      this.redisUri = uri;
      return this;
    }

    public Builder publicUrl(String url) {
      this.publicUrl = url;
      return this;
    }

    /** Options changed from the fixture's, e.g. {@code o -> o.withDoors(...)}. */
    public Builder options(UnaryOperator<ServerOptions> change) {
      this.options = change;
      return this;
    }

    /** Put around the store the options name: for tests with a store that stalls or fails. */
    public Builder aroundStore(UnaryOperator<JournalStore> around) {
      this.aroundStore = around;
      return this;
    }

    public Builder clock(Clock c) {
      this.clock = c;
      return this;
    }

    /**
     * A system property the server reads as it starts (timeouts, watch thresholds); cleared on
     * close.
     */
    public Builder systemProperty(String key, String value) {
      properties.put(key, value);
      return this;
    }

    /**
     * No accounts made up front: the test makes the few it needs ({@link #device}, {@link #user}).
     */
    public Builder withoutTestAccounts() {
      this.testAccounts = false;
      return this;
    }

    /** Records the city hall's live messages as they are published, for {@link #events(String)}. */
    public Builder recordingEvents() {
      this.recordEvents = true;
      return this;
    }

    public ServerFixture start() {
      ServerFixture fixture = new ServerFixture(this);
      fixture.boot(port);
      if (testAccounts) {
        fixture.createAccounts();
      }
      return fixture;
    }

    private ServerOptions serverOptions(int wanted) {
      return options.apply(
          new ServerOptions(config, data, wanted, true, store, redisUri, null, publicUrl));
    }
  }

  private void boot(int wanted) {
    settings.properties.forEach(System::setProperty);
    server =
        await(
            HallServer.start(settings.serverOptions(wanted), settings.clock, settings.aroundStore),
            START_SECONDS);
    port = server.port();
    Vertx vertx = server.vertx();
    accounts = new Accounts(vertx, server.store().records(), Clock.systemUTC());
    context = vertx.getOrCreateContext();
    webSockets = vertx.createWebSocketClient();
    http =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost("127.0.0.1")
                .setDefaultPort(port)
                .setKeepAlive(true),
            new PoolOptions().setHttp1MaxSize(64));
    if (settings.recordEvents) {
      await(
          vertx
              .eventBus()
              .<JsonObject>consumer(Addresses.events(HALL), m -> events.add(m.body()))
              .completion());
    }
  }

  /** Stops the server; live screens get 1012 and start reconnecting. */
  public void stop() {
    if (server != null) {
      HallServer running = server;
      server = null;
      http.close();
      webSockets.close();
      await(running.stop());
    }
  }

  /**
   * A new server on the same port and data directory, as after a deploy; accounts and tokens stay.
   */
  public void restart() {
    stop();
    boot(port);
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
    return addUserAsync(username, role, hall, staffNo(username), "测试" + username);
  }

  private Future<String> addUserAsync(
      String username, Role role, String hall, String staffNo, String name) {
    return accounts
        .addUser(username, role, hall, staffNo, name, PASSWORD.toCharArray())
        .compose(
            u ->
                send(
                    HttpMethod.POST,
                    "/api/v1/auth/login",
                    null,
                    new JsonObject().put("username", username).put("password", PASSWORD).toBuffer(),
                    Map.of()))
        .map(
            reply -> {
              if (reply.status() != 200) {
                throw new IllegalStateException("login of " + username + " failed: " + reply);
              }
              String token = reply.json().getString("token");
              tokens.put(username, token);
              return token;
            });
  }

  private Future<String> addDeviceAsync(String name, Role kind, String hall) {
    return accounts
        .addDevice(kind, hall, null, name)
        .map(
            token -> {
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
    return port;
  }

  /** The server's store (journals, snapshots, records), for tests that read behind the API. */
  public JournalStore store() {
    return server.store();
  }

  /** Halls that refused to start, with why. */
  public Map<String, String> refusedHalls() {
    return server.refusedHalls();
  }

  /** The metrics listener's port, when the doors open one. */
  public int metricsPort() {
    return server.metricsPort();
  }

  /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** {@code http://127.0.0.1:PORT}, what an agent's {@code --server} names. */
  public URI base() {
    return URI.create(url(""));
  }

  /** The address agents link to. */
  public URI agentUri() {
    return URI.create("ws://127.0.0.1:" + port + "/api/v1/agents/live");
  }

  /** A device of the city hall, bound to {@code window} if given; returns its token. */
  public String device(Role kind, String window, String name) {
    return await(accounts.addDevice(kind, HALL, window, name));
  }

  /** A kiosk of {@code hall}; returns its token. */
  public String kiosk(String hall, String name) {
    return await(accounts.addDevice(Role.KIOSK, hall, null, name));
  }

  /**
   * A user of the city hall with that staff number and name, logged in; returns the session token.
   */
  public String user(String username, Role role, String staffNo, String name) {
    return await(addUserAsync(username, role, HALL, staffNo, name));
  }

  /**
   * A user of the city hall who logs in through the pages (password {@link #PASSWORD}); no session
   * made.
   */
  public void addUser(String username, Role role, String staffNo, String name) {
    await(accounts.addUser(username, role, HALL, staffNo, name, PASSWORD.toCharArray()));
  }

  /**
   * The city hall's live messages so far, in publication order ({@link Builder#recordingEvents()}).
   */
  public List<JsonObject> events() {
    return events;
  }

  /** The city hall's live messages of one type so far. */
  public List<JsonObject> events(String type) {
    return events.stream().filter(e -> type.equals(e.getString("type"))).toList();
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

  public Future<HttpReply> send(
      HttpMethod method, String path, String token, Buffer body, Map<String, String> headers) {
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
    context.runOnContext(
        v ->
            http.request(options)
                .compose(req -> body == null ? req.send() : req.send(body))
                .compose(
                    resp ->
                        resp.body()
                            .map(
                                b ->
                                    new HttpReply(resp.statusCode(), resp.headers(), b.toString())))
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
    return await(
        send(
            HttpMethod.POST,
            path,
            token,
            body == null ? null : body.toBuffer(),
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

  /**
   * Opens a live socket, e.g. {@code /api/v1/halls/city/live?since=3}, collecting what it receives.
   */
  public LiveClient live(String path) {
    LiveClient client = new LiveClient();
    Promise<LiveClient> opened = Promise.promise();
    // handlers are set on the socket's own event loop as it opens, so no early message is missed
    context.runOnContext(
        v ->
            webSockets
                .connect(
                    new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port()).setURI(path))
                .map(client::attach)
                .onComplete(opened));
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
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      settings.properties.keySet().forEach(System::clearProperty);
    }
  }
}
