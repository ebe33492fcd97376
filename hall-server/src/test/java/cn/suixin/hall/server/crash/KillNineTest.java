package cn.suixin.hall.server.crash;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.server.crash.HallClient.Reply;
import cn.suixin.hall.server.crash.JournalReplay.Issued;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise behind every 201 and 200: once the server answered, a power cut cannot take it back.
 * Kiosks and clerks work a real server process flat out; it is killed with SIGKILL mid-stream and
 * restarted on the same data folder.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KillNineTest {
  private static final String HALL = "city";
  private static final int ACKS_BEFORE_KILL = 400;

  /** Exit-entry (A) is called at windows 07 and 08, ID renewal (B) at window 01. */
  private static final Map<String, String> MATTER_PREFIX =
      Map.of("EE-PASSPORT", "A", "HH-ID-RENEW", "B");

  private static final Map<String, String> CLERK_WINDOWS =
      Map.of("crash-c1", "07", "crash-c2", "08", "crash-c3", "01");

  @TempDir Path dir;

  /**
   * An issue request: its ticket once acknowledged (null while in flight), and its Idempotency-Key.
   */
  private record Ack(String ticket, String number, String matter, String key) {}

  private final Queue<Ack> issued = new ConcurrentLinkedQueue<>();
  private final Queue<Ack> inFlight = new ConcurrentLinkedQueue<>();
  private final Queue<String> called = new ConcurrentLinkedQueue<>();
  private final Queue<String> finished = new ConcurrentLinkedQueue<>();
  private final Queue<String> surprises = new ConcurrentLinkedQueue<>();
  private final AtomicInteger acks = new AtomicInteger();
  private final AtomicBoolean running = new AtomicBoolean(true);

  /** Window to the bearer token of the clerk signed in there. */
  private final Map<String, String> sessions = new HashMap<>();

  /** Tickets issued after the restart, id to number, and tickets the retries got. */
  private final Map<String, String> postCrash = new HashMap<>();

  private final Set<String> retried = new HashSet<>();
  private final long t0 = System.nanoTime();

  @Test
  @Timeout(value = 150, unit = TimeUnit.SECONDS) // a guard for a wedged child, not the budget
  void every_acknowledged_ticket_and_call_survives_a_kill_9_and_numbering_goes_on()
      throws Exception {
    Path data = dir.resolve("data");
    String kiosk = seed(data);
    workThenKill(data, kiosk);
    assertThat(surprises).as("replies other than 201/200/204 before the kill").isEmpty();
    assertThat(called).as("calls made before the kill").isNotEmpty();
    restartAndCheckOverHttp(data, kiosk);
    checkJournal(data);
  }

  private String seed(Path data) throws Exception {
    try (DataSeed seed = new DataSeed(data)) {
      int staff = 1;
      for (String clerk : CLERK_WINDOWS.keySet()) {
        seed.clerk(clerk, HALL, "K000" + staff++);
      }
      String kiosk = seed.kiosk(HALL);
      lap("seeded");
      return kiosk;
    }
  }

  /** Kiosks and clerks flat out until {@value #ACKS_BEFORE_KILL} acknowledgements, then SIGKILL. */
  private void workThenKill(Path data, String kiosk) throws Exception {
    List<Thread> workers = new ArrayList<>();
    try (ServerProcess server = ServerProcess.start(data)) {
      lap("started");
      HallClient client = new HallClient(server.uri("/"), HALL);
      for (Map.Entry<String, String> c : CLERK_WINDOWS.entrySet()) {
        String token = client.login(c.getKey(), DataSeed.PASSWORD);
        sessions.put(c.getValue(), token);
        assertThat(client.window(token, c.getValue(), "sign-in", new JsonObject()).status())
            .isEqualTo(200);
        workers.add(worker("clerk-" + c.getValue(), () -> serve(client, token, c.getValue())));
      }
      for (String matter : MATTER_PREFIX.keySet()) {
        workers.add(worker("kiosk-" + matter, () -> issue(client, kiosk, matter)));
        workers.add(worker("kiosk2-" + matter, () -> issue(client, kiosk, matter)));
      }
      long started = System.nanoTime();
      workers.forEach(Thread::start);
      Awaitility.await("acknowledgements before the kill")
          .atMost(Duration.ofSeconds(40))
          .pollInterval(Duration.ofMillis(5))
          .until(() -> acks.get() >= ACKS_BEFORE_KILL);
      assertThat(acks.get())
          .as("acknowledgements before the kill")
          .isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
      System.out.printf(
          "%d acks in %d ms%n", acks.get(), (System.nanoTime() - started) / 1_000_000);

      // Mid-stream: every worker has a request in flight or about to be sent.
      assertThat(server.kill())
          .as("exit status of a SIGKILLed JVM")
          .isEqualTo(ServerProcess.SIGKILL_EXIT);
      running.set(false);
      for (Thread w : workers) {
        w.join(15_000);
      }
    }
    lap("killed");
  }

  private void restartAndCheckOverHttp(Path data, String kiosk) throws Exception {
    try (ServerProcess restarted = ServerProcess.start(data)) {
      lap("restarted");
      assertThat(restarted.output().text())
          .as("the restart began at a snapshot taken before the kill")
          .containsPattern(
              "hall city restored from the snapshot at seq \\d+ in \\d+ ms, replayed \\d+ events");
      HallClient client = new HallClient(restarted.uri("/"), HALL);
      for (Ack t : issued) {
        Reply r = client.ticket(kiosk, t.ticket());
        assertThat(r.status())
            .as("acknowledged ticket %s after the restart", t.ticket())
            .isEqualTo(200);
        assertThat(r.body().getString("number"))
            .as("number of %s", t.ticket())
            .isEqualTo(t.number());
      }
      // A clerk's session and sign-in outlive the crash: no one logs in again at the windows.
      for (Map.Entry<String, String> s : sessions.entrySet()) {
        Reply view = client.windowView(s.getValue(), s.getKey());
        assertThat(view.status())
            .as("window %s with the pre-crash session", s.getKey())
            .isEqualTo(200);
        assertThat(view.body().getJsonObject("clerk"))
            .as("clerk signed in at %s", s.getKey())
            .isNotNull();
      }
      for (String id : called) {
        assertThat(client.ticket(kiosk, id).body().getString("status"))
            .as("acknowledged call of %s", id)
            .isIn("CALLED", "SERVING", "FINISHED");
      }
      for (String id : finished) {
        assertThat(client.ticket(kiosk, id).body().getString("status"))
            .as("acknowledged finish of %s", id)
            .isEqualTo("FINISHED");
      }
      for (String matter : MATTER_PREFIX.keySet()) {
        Reply r = client.issue(kiosk, matter);
        assertThat(r.status()).as("a ticket after the restart").isEqualTo(201);
        postCrash.put(r.body().getString("id"), r.body().getString("number"));
      }
      // Kiosks retry a lost reply with the same key: one ticket per request, durable or not.
      for (Ack lost : inFlight) {
        Reply r = client.issue(kiosk, lost.matter(), lost.key());
        assertThat(r.status()).as("retry of a request in flight at the kill").isEqualTo(201);
        retried.add(r.body().getString("id"));
      }
      for (Ack acked : issued.stream().limit(20).toList()) {
        Reply r = client.issue(kiosk, acked.matter(), acked.key());
        assertThat(r.body().getString("id"))
            .as("retry of acknowledged %s", acked.ticket())
            .isEqualTo(acked.ticket());
      }
      lap("checked over HTTP");
      assertThat(restarted.stop())
          .as("exit status after SIGTERM")
          .isNotEqualTo(ServerProcess.SIGKILL_EXIT);
    }
    lap("stopped");
  }

  /** The journal replayed as the server replays it: the full story, acknowledged or not. */
  private void checkJournal(Path data) throws Exception {
    List<SequencedEvent> events = JournalReplay.events(data, HALL);
    List<Issued> journal = JournalReplay.issued(events);
    Set<String> dayNumbers = new HashSet<>();
    for (Issued t : journal) {
      assertThat(dayNumbers.add(t.day() + "/" + t.number()))
          .as("number %s issued twice on %s", t.number(), t.day())
          .isTrue();
    }
    Map<String, String> journalNumbers =
        journal.stream().collect(Collectors.toMap(Issued::ticket, Issued::number));
    assertThat(journalNumbers)
        .containsAllEntriesOf(issued.stream().collect(Collectors.toMap(Ack::ticket, Ack::number)))
        .containsAllEntriesOf(postCrash)
        .containsKeys(retried.toArray(String[]::new));
    assertThat(retried).as("one ticket per retried request").hasSameSizeAs(inFlight);
    assertThat(journal)
        .as("tickets: acknowledged + in flight at the kill + issued after the restart")
        .hasSize(issued.size() + inFlight.size() + postCrash.size());
    Set<String> calledInJournal =
        events.stream()
            .map(SequencedEvent::event)
            .filter(HallEvent.TicketCalled.class::isInstance)
            .map(e -> ((HallEvent.TicketCalled) e).ticket().value())
            .collect(Collectors.toSet());
    assertThat(calledInJournal).containsAll(called);
    for (Map.Entry<String, String> after : postCrash.entrySet()) {
      Issued fresh =
          journal.stream().filter(t -> t.ticket().equals(after.getKey())).findFirst().orElseThrow();
      String prefix = prefix(after.getValue());
      int before =
          journal.stream()
              .filter(t -> t.seq() < fresh.seq())
              .filter(t -> t.day().equals(fresh.day()) && prefix(t.number()).equals(prefix))
              .mapToInt(t -> serial(t.number()))
              .max()
              .orElse(0);
      assertThat(serial(after.getValue()))
          .as("first %s number after the restart", prefix)
          .isGreaterThan(before);
    }
    // Not asserted, but shows the kill landed mid-stream: requests the server never answered.
    System.out.printf(
        "kill -9 after %d acks (%d tickets, %d calls, %d finishes), %d issues in flight;"
            + " journal %d events, %d tickets%n",
        acks.get(),
        issued.size(),
        called.size(),
        finished.size(),
        inFlight.size(),
        events.size(),
        journal.size());
  }

  private void lap(String what) {
    System.out.printf("%6d ms %s%n", (System.nanoTime() - t0) / 1_000_000, what);
  }

  private void issue(HallClient client, String kiosk, String matter)
      throws IOException, InterruptedException {
    while (running.get()) {
      String key = UUID.randomUUID().toString();
      Reply r;
      try {
        r = client.issue(kiosk, matter, key);
      } catch (IOException e) {
        inFlight.add(new Ack(null, null, matter, key));
        throw e;
      }
      if (r.status() == 201) {
        issued.add(new Ack(r.body().getString("id"), r.body().getString("number"), matter, key));
        acks.incrementAndGet();
      } else {
        surprises.add("issue " + matter + ": " + r);
      }
    }
  }

  private void serve(HallClient client, String token, String window)
      throws IOException, InterruptedException {
    while (running.get()) {
      Reply call = client.window(token, window, "call-next", new JsonObject());
      if (call.status() == 204) {
        // nobody waiting yet: a clerk's pause before asking again, so the kiosks get ahead (pacing,
        // not a wait)
        Thread.sleep(2);
        continue;
      }
      if (call.status() != 200) {
        surprises.add("call-next at " + window + ": " + call);
        continue;
      }
      String ticket = call.body().getJsonObject("ticket").getString("id");
      called.add(ticket);
      acks.incrementAndGet();
      Reply finish =
          client.window(token, window, "finish", new JsonObject().put("outcome", "DONE"));
      if (finish.status() == 200) {
        finished.add(ticket);
        acks.incrementAndGet();
      } else {
        surprises.add("finish at " + window + ": " + finish);
      }
    }
  }

  private interface Work {
    void run() throws IOException, InterruptedException;
  }

  /**
   * A worker ends at the kill: its next request fails to connect, or it sees {@code running} drop.
   */
  private Thread worker(String name, Work work) {
    Thread t =
        new Thread(
            () -> {
              try {
                work.run();
              } catch (IOException | InterruptedException e) {
                // the server is gone: whatever was not answered was never acknowledged
              }
            },
            name);
    t.setDaemon(true);
    return t;
  }

  private static String prefix(String number) {
    return number.replaceAll("\\d", "");
  }

  private static int serial(String number) {
    return Integer.parseInt(number.replaceAll("\\D", ""));
  }
}
