package cn.suixin.hall.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.server.codec.EventCodec;
import cn.suixin.hall.server.crash.JournalReplay;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hall server on a durable Redis, under a steady trickle of tickets in every hall, while Redis is
 * paused (SIGSTOP), restarted, or cut off behind a dead network path. Whatever the fault, the halls
 * answer 503 with Retry-After meanwhile, write again by themselves within seconds of the fault's
 * end, and every acknowledged ticket is in the journal with a number no one else holds.
 */
@DisplayName("A hall server whose Redis")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisFaultServerTest {

  /** One move of the test against Redis or the network. */
  private interface Step {
    void run() throws Exception;
  }

  /** What one fault does to Redis, and how it ends. */
  private record Fault(Step begin, Step end) {}

  @TempDir Path dir;

  @Test
  void is_paused_for_ten_seconds_writes_again_in_every_hall_once_it_continues() throws Exception {
    try (RedisProcess redis = RedisProcess.durable(Files.createDirectories(dir.resolve("redis")))) {
      rideThrough(redis, redis.uri(), new Fault(redis::pause, redis::resume));
    }
  }

  @Test
  void is_killed_and_started_again_on_its_port_loses_nothing_it_acknowledged() throws Exception {
    try (RedisProcess redis = RedisProcess.durable(Files.createDirectories(dir.resolve("redis")))) {
      rideThrough(redis, redis.uri(), new Fault(redis::kill, redis::start));
    }
  }

  @Test
  void is_cut_off_by_the_network_and_its_old_connections_never_answer_again() throws Exception {
    try (RedisProcess redis = RedisProcess.durable(Files.createDirectories(dir.resolve("redis")));
        NetworkPath path = NetworkPath.to(redis.port())) {
      rideThrough(redis, path.uri(), new Fault(path::cut, path::heal));
    }
  }

  private void rideThrough(RedisProcess redis, String uri, Fault fault) throws Exception {
    ServerFixture server =
        ServerFixture.builder(dir.resolve("data")).withoutTestAccounts().redis(uri).start();
    List<KioskLoad.Ack> acks;
    try {
      Map<String, String> kiosks = kiosks(server);
      long started = System.nanoTime();
      try (KioskLoad load = new KioskLoad(server.port(), kiosks, 3, Duration.ofMillis(100))) {
        await("tickets in every hall before the fault")
            .atMost(Duration.ofSeconds(30))
            .until(() -> load.everyHallAcknowledgedSince(started) && load.acks().size() >= 30);

        fault.begin().run();
        try {
          assertThatThrownBy(() -> get(server.store().ping()))
              .as("ping while Redis is unreachable")
              .hasCauseInstanceOf(RedisUnavailableException.class);
          // the fault lasts 10 s whatever happens; for all of it the store must say it is away
          await("ping failing throughout a 10 s fault")
              .during(Duration.ofSeconds(10))
              .atMost(Duration.ofSeconds(16))
              .pollInterval(Duration.ofMillis(500))
              .until(() -> storeUnreachable(server));
        } finally {
          fault.end().run();
        }
        long healed = System.nanoTime();

        await("ping after the fault")
            .atMost(Duration.ofSeconds(15))
            .ignoreExceptions()
            .untilAsserted(() -> get(server.store().ping()));
        await("tickets in every hall after the fault")
            .atMost(Duration.ofSeconds(15))
            .until(() -> load.everyHallAcknowledgedSince(healed));
        long writing = System.nanoTime();
        await("a steady trickle again")
            .atMost(Duration.ofSeconds(30))
            .until(() -> load.acks().stream().filter(a -> a.atNanos() > writing).count() >= 30);
        System.out.printf(
            "%s: answers %s; every hall wrote again %d ms after the fault ended%n",
            getClass().getSimpleName(),
            load.answers(),
            TimeUnit.NANOSECONDS.toMillis(writing - healed));
        acks = load.acks();
        assertThat(load.answers())
            .as("every answer is a ticket or a 503 with Retry-After")
            .allSatisfy((answer, count) -> assertThat(answer).matches("201|503 .+"));
      }
    } finally {
      server.close();
    }
    assertEveryAcknowledgedTicketIsInTheJournal(redis.uri(), acks);
  }

  private static Map<String, String> kiosks(ServerFixture server) throws Exception {
    Map<String, String> kiosks = new LinkedHashMap<>();
    try (Stream<Path> halls = Files.list(Path.of("..", "config", "halls"))) {
      for (String hall :
          halls.map(p -> p.getFileName().toString().replace(".yaml", "")).sorted().toList()) {
        kiosks.put(hall, server.kiosk(hall, "kiosk-" + hall));
      }
    }
    return kiosks;
  }

  /** Read back from Redis itself, by a store that had nothing to do with the fault. */
  private static void assertEveryAcknowledgedTicketIsInTheJournal(
      String uri, List<KioskLoad.Ack> acks) throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      RedisJournalStore store = RedisJournalStore.create(vertx, uri);
      Map<String, List<KioskLoad.Ack>> byHall =
          acks.stream().collect(Collectors.groupingBy(KioskLoad.Ack::hall));
      for (Map.Entry<String, List<KioskLoad.Ack>> hall : byHall.entrySet()) {
        List<SequencedEvent> events = new ArrayList<>();
        for (JournalEntry e : get(store.journal(hall.getKey()).readFrom(1, Integer.MAX_VALUE))) {
          events.add(EventCodec.decode(Buffer.buffer(e.payload())));
        }
        List<JournalReplay.Issued> issued = JournalReplay.issued(events);
        Map<String, String> numberByTicket =
            issued.stream()
                .collect(
                    Collectors.toMap(JournalReplay.Issued::ticket, JournalReplay.Issued::number));
        assertThat(hall.getValue())
            .as("acknowledged tickets of hall %s", hall.getKey())
            .allSatisfy(
                a ->
                    assertThat(numberByTicket.get(a.ticket()))
                        .as(a.ticket())
                        .isEqualTo(a.number()));
        assertThat(issued.stream().map(i -> i.day() + " " + i.number()).toList())
            .as("numbers issued in hall %s", hall.getKey())
            .doesNotHaveDuplicates();
      }
      get(store.close());
    } finally {
      get(vertx.close());
    }
  }

  private static boolean storeUnreachable(ServerFixture server) throws Exception {
    try {
      get(server.store().ping());
      return false;
    } catch (ExecutionException e) {
      return e.getCause() instanceof RedisUnavailableException;
    }
  }

  private static <T> T get(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }
}
