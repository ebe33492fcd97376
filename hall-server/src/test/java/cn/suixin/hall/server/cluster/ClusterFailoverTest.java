package cn.suixin.hall.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Accounts;
import cn.suixin.hall.server.auth.Role;
import cn.suixin.hall.server.auth.StoredUsers;
import cn.suixin.hall.server.crash.HallClient;
import cn.suixin.hall.server.crash.ServerProcess;
import cn.suixin.hall.store.redis.RedisJournalStore;
import cn.suixin.hall.store.redis.RedisProcess;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three real hall-server JVMs clustered on loopback over one real Redis. The owner of the city hall
 * is killed with SIGKILL in the middle of a stream of issues and calls; another node must take the
 * hall, nothing acknowledged may be lost, no number or call may happen twice, and a screen on a
 * surviving node must see every call in order.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClusterFailoverTest {
  private static final String HALL = "city";
  private static final List<String> MATTERS = List.of("HH-BIRTH", "HH-ID-RENEW", "EE-PASSPORT");

  @TempDir Path dir;

  @Test
  void killing_the_owner_of_a_hall_moves_it_to_another_node_with_nothing_lost() throws Exception {
    try (RedisProcess redis =
        RedisProcess.inMemory(Files.createDirectories(dir.resolve("redis")))) {
      String kiosk = seedAccounts(redis.uri());
      int[] clusterPorts = {freePort(), freePort(), freePort()};
      // pinned event-bus ports, as a firewalled deployment sets them; commands cross nodes over
      // them
      int[] busPorts = {freePort(), freePort(), freePort()};
      String members =
          "127.0.0.1:"
              + clusterPorts[0]
              + ",127.0.0.1:"
              + clusterPorts[1]
              + ",127.0.0.1:"
              + clusterPorts[2];
      List<ServerProcess> nodes = new ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          nodes.add(
              ServerProcess.start(
                  ServerProcess.SHIPPED_CONFIG,
                  dir.resolve("node" + i),
                  List.of(
                      "--store",
                      "redis",
                      "--redis",
                      redis.uri(),
                      "--cluster",
                      "--cluster-host",
                      "127.0.0.1",
                      "--cluster-port",
                      Integer.toString(clusterPorts[i]),
                      "--cluster-bus-port",
                      Integer.toString(busPorts[i]),
                      "--cluster-members",
                      members)));
        }
        for (int port : busPorts) {
          try (java.net.Socket bus = new java.net.Socket("127.0.0.1", port)) {
            assertThat(bus.isConnected())
                .as("event bus listening on its pinned port %d", port)
                .isTrue();
          }
        }
        ServerProcess owner = awaitOwner(nodes);
        List<ServerProcess> survivors = new ArrayList<>(nodes);
        survivors.remove(owner);
        HallClient a = new HallClient(survivors.get(0).uri("/"), HALL);
        HallClient b = new HallClient(survivors.get(1).uri("/"), HALL);
        Screen screen = Screen.open(survivors.get(1).uri("/api/v1/halls/" + HALL + "/live"));
        String clerk = a.login("clerk1", "secret-password");
        assertThat(retry(() -> a.window(clerk, "01", "sign-in", new JsonObject())).status())
            .isEqualTo(200);

        Traffic traffic = new Traffic(List.of(a, b), kiosk, clerk);
        traffic.run(60);
        long killedAt = System.nanoTime();
        assertThat(owner.kill()).isEqualTo(ServerProcess.SIGKILL_EXIT);
        long servingAgainMillis = traffic.untilServed(killedAt, Duration.ofSeconds(20));
        traffic.run(60);

        // every acknowledged ticket is there, with its number, and no number was handed out twice
        Set<String> numbers = new HashSet<>();
        for (Map.Entry<String, String> t : traffic.tickets.entrySet()) {
          HallClient.Reply r = b.ticket(kiosk, t.getKey());
          assertThat(r.status()).as("ticket %s after the failover", t.getKey()).isEqualTo(200);
          assertThat(r.body().getString("number")).isEqualTo(t.getValue());
          assertThat(numbers.add(t.getValue())).as("number %s twice", t.getValue()).isTrue();
        }
        // every acknowledged call reached the screen on a surviving node, once, in sequence order
        screen.awaitCalls(traffic.calls.size(), Duration.ofSeconds(15));
        assertThat(screen.calledTickets()).doesNotHaveDuplicates().containsAll(traffic.calls);
        assertThat(screen.seqs()).isSorted().doesNotHaveDuplicates();
        System.out.printf(
            "failover: hall %s served again %d ms after SIGKILL; %d tickets, %d calls acknowledged%n",
            HALL, servingAgainMillis, traffic.tickets.size(), traffic.calls.size());
        screen.close();
      } finally {
        for (ServerProcess node : nodes) {
          node.close();
        }
      }
    }
  }

  private static String seedAccounts(String redisUri) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      RedisJournalStore store = RedisJournalStore.create(vertx, redisUri);
      Accounts accounts = new Accounts(vertx, store.records(), Clock.systemUTC());
      // hashed with the nodes' test-only count: a 600,000-iteration check on their C1 JVMs takes
      // seconds
      await(
          store
              .records()
              .put(
                  Accounts.USERS,
                  "clerk1",
                  StoredUsers.user(
                      "clerk1",
                      Role.CLERK,
                      HALL,
                      "C1",
                      "张晓明",
                      "secret-password",
                      ServerProcess.PASSWORD_ITERATIONS)));
      String kiosk = await(accounts.addDevice(Role.KIOSK, HALL, null, "kiosk-1"));
      await(store.close());
      return kiosk;
    } finally {
      vertx.close();
    }
  }

  /** The node that logs it serves the city hall last, once the three have settled. */
  private static ServerProcess awaitOwner(List<ServerProcess> nodes) {
    AtomicReference<ServerProcess> owner = new AtomicReference<>();
    AtomicInteger stableRounds = new AtomicInteger();
    // the same single owner in six looks half a second apart: the three have settled
    Awaitility.await("one node owns the city hall")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              ServerProcess now = null;
              for (ServerProcess n : nodes) {
                String out = n.output().text();
                if (count(out, "hall " + HALL + " now served here")
                    > count(out, "hall " + HALL + " handed over")) {
                  now = now == null ? n : null;
                }
              }
              stableRounds.set(now != null && now == owner.get() ? stableRounds.get() + 1 : 0);
              owner.set(now);
              return stableRounds.get() >= 6;
            });
    assertThat(owner.get()).as("one node owns the city hall").isNotNull();
    return owner.get();
  }

  private static int count(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  interface Call {
    HallClient.Reply send() throws Exception;
  }

  /** Retries while the hall is moving (503) or a node's socket is gone. */
  static HallClient.Reply retry(Call call) {
    return Awaitility.await("an answer other than 503")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .ignoreException(java.io.IOException.class)
        .until(call::send, r -> r.status() != 503);
  }

  /** Kiosk tickets and one clerk's calls, alternating between the surviving nodes. */
  static final class Traffic {
    final Map<String, String> tickets = new LinkedHashMap<>();
    final List<String> calls = new ArrayList<>();
    private final List<HallClient> clients;
    private final String kiosk;
    private final String clerk;
    private int turn;

    Traffic(List<HallClient> clients, String kiosk, String clerk) {
      this.clients = clients;
      this.kiosk = kiosk;
      this.clerk = clerk;
    }

    void run(int rounds) throws Exception {
      for (int i = 0; i < rounds; i++) {
        step();
      }
    }

    /**
     * Keeps stepping until a command succeeds after the kill, at most {@code limit} from the kill
     * (the hall's promise on failover, not a speed check); returns the milliseconds it took.
     */
    long untilServed(long killedAtNanos, Duration limit) {
      Duration left = limit.minusNanos(System.nanoTime() - killedAtNanos);
      HallClient.Reply served =
          Awaitility.await("the hall serving again after its owner's death")
              .atMost(left)
              .pollInterval(Duration.ofMillis(50))
              // a request sent towards the dead owner timed out: the hall is still moving
              .ignoreException(java.io.IOException.class)
              .until(
                  () -> clients.get(turn++ % 2).issue(kiosk, MATTERS.get(turn % MATTERS.size())),
                  r -> {
                    assertThat(r.status()).as("while the hall moves: %s", r.body()).isIn(201, 503);
                    return r.status() == 201;
                  });
      tickets.put(served.body().getString("id"), served.body().getString("number"));
      return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAtNanos);
    }

    private void step() throws Exception {
      HallClient c = clients.get(turn++ % 2);
      String matter = MATTERS.get(turn % MATTERS.size());
      String issueKey = "k-" + turn + "-" + System.nanoTime();
      HallClient.Reply issued = retry(() -> c.issue(kiosk, matter, issueKey));
      assertThat(issued.status()).as("issue: %s", issued.body()).isEqualTo(201);
      tickets.put(issued.body().getString("id"), issued.body().getString("number"));
      if (turn % 2 == 0) {
        String key = "c-" + turn;
        HallClient.Reply call =
            retry(() -> c.window(clerk, "01", "call-next", new JsonObject(), key));
        if (call.status() == 200) {
          calls.add(call.body().getJsonObject("ticket").getString("id"));
          String finishKey = "f-" + turn;
          assertThat(
                  retry(
                          () ->
                              c.window(
                                  clerk,
                                  "01",
                                  "finish",
                                  new JsonObject().put("outcome", "DONE"),
                                  finishKey))
                      .status())
              .isEqualTo(200);
        }
      }
    }
  }

  /** A hall screen: the public live feed, recording every message. */
  static final class Screen implements WebSocket.Listener {
    private final List<JsonObject> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    static Screen open(URI http) throws Exception {
      Screen s = new Screen();
      URI ws = URI.create(http.toString().replaceFirst("^http", "ws"));
      s.socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(ws, s)
              .get(10, TimeUnit.SECONDS);
      return s;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(new JsonObject(partial.toString()));
        partial.setLength(0);
      }
      ws.request(1);
      return null;
    }

    List<String> calledTickets() {
      return messages.stream()
          .filter(m -> "ticket.called".equals(m.getString("type")))
          .map(m -> m.getString("ticket"))
          .toList();
    }

    List<Long> seqs() {
      return messages.stream()
          .filter(m -> !"snapshot".equals(m.getString("type")))
          .map(m -> m.getLong("seq"))
          .toList();
    }

    void awaitCalls(int n, Duration limit) {
      Awaitility.await(n + " calls on the screen")
          .atMost(limit)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> calledTickets().size() >= n);
    }

    void close() {
      socket.abort();
    }
  }

  private static int freePort() throws java.io.IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
