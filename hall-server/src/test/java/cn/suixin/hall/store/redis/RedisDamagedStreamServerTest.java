package cn.suixin.hall.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.crash.HallClient;
import cn.suixin.hall.server.crash.HallClient.Reply;
import cn.suixin.hall.server.crash.ServerProcess;
import cn.suixin.hall.server.hall.RefusedHall;
import cn.suixin.hall.server.http.ServerFixture;
import cn.suixin.hall.store.LogCapture;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A byte flipped in the middle of a hall's Redis stream (bad media under Redis's append-only file,
 * say): that hall stays closed with a 503 naming the damage while the others serve, until an
 * operator runs journal check and journal repair; then it serves every ticket but the one lost, and
 * numbers on without giving a number twice.
 */
@DisplayName("A hall server whose Redis stream of one hall is damaged")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisDamagedStreamServerTest {
  private static final int TICKETS = 12;

  @TempDir Path dir;

  @Test
  void keeps_that_hall_closed_serves_the_others_and_reopens_it_after_a_repair() throws Exception {
    try (RedisProcess redis = RedisProcess.durable(Files.createDirectories(dir.resolve("redis")))) {
      ServerFixture.Builder options =
          ServerFixture.builder(dir.resolve("data")).withoutTestAccounts().redis(redis.uri());
      List<String> tickets = new ArrayList<>();
      String kiosk;
      String kioskAnju;
      ServerFixture first = options.start();
      try {
        kiosk = first.kiosk("city", "kiosk-city");
        kioskAnju = first.kiosk("anju", "kiosk-anju");
        HallClient city = client(first, "city");
        for (int i = 0; i < TICKETS; i++) {
          tickets.add(city.issue(kiosk, "EE-PASSPORT").body().getString("id"));
        }
      } finally {
        first.close();
      }
      // seq 1 starts the day, so ticket 6 is seq 7
      StreamSurgery.change(redis.uri(), "city", 7, StreamSurgery::flipped);
      // A snapshot taken after the damage holds the true state, and a start replays only what
      // follows it, never reading seq 7 (journal check does). Without one the start reads it all.
      redis.command("DEL", "{hall:city}:snapshot");

      try (LogCapture log = LogCapture.of(RefusedHall.class)) {
        ServerFixture damaged = options.start();
        try {
          assertThat(log.lines())
              .anySatisfy(
                  line ->
                      assertThat(line)
                          .contains(
                              "hall city refused to start and stays closed: journal of hall city is damaged: Redis stream"
                                  + " {hall:city}:events entry 7-0: expected seq 7, its event fails its checksum",
                              "journal repair --hall city --skip-seq 7 --confirm"));
          assertThat(damaged.refusedHalls()).containsOnlyKeys("city");
          Reply closed = client(damaged, "city").issue(kiosk, "EE-PASSPORT");
          assertThat(closed.status()).isEqualTo(503);
          assertThat(closed.body().getString("detail")).contains("journal damaged at seq 7");
          assertThat(client(damaged, "anju").issue(kioskAnju, "HH-ID-RENEW").status())
              .isEqualTo(201);
        } finally {
          damaged.close();
        }
      }

      ServerProcess.Finished check = admin(redis, "check");
      assertThat(check.exitCode()).as(check.text()).isEqualTo(1);
      assertThat(check.text()).contains("entry 7-0", "seq 7 is lost", "--skip-seq 7");
      ServerProcess.Finished repair = admin(redis, "repair", "--skip-seq", "7", "--confirm");
      assertThat(repair.exitCode()).as(repair.text()).isZero();
      assertThat(admin(redis, "check").exitCode()).isZero();

      ServerFixture repaired = options.start();
      try {
        assertThat(repaired.refusedHalls()).isEmpty();
        HallClient city = client(repaired, "city");
        for (int i = 0; i < TICKETS; i++) {
          assertThat(city.ticket(kiosk, tickets.get(i)).status())
              .as("ticket %d", i + 1)
              .isEqualTo(i == 5 ? 404 : 200);
        }
        Reply next = city.issue(kiosk, "EE-PASSPORT");
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.body().getString("number")).isEqualTo("A013");
      } finally {
        repaired.close();
      }
    }
  }

  private ServerProcess.Finished admin(RedisProcess redis, String command, String... flags)
      throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "journal",
                command,
                "--hall",
                "city",
                "--store",
                "redis",
                "--redis",
                redis.uri(),
                "--config",
                ServerProcess.SHIPPED_CONFIG.toString(),
                "--data",
                dir.resolve("data").toString()));
    args.addAll(List.of(flags));
    return ServerProcess.run(dir.resolve("admin"), null, args.toArray(String[]::new));
  }

  private static HallClient client(ServerFixture server, String hall) {
    return new HallClient(URI.create("http://127.0.0.1:" + server.port() + "/"), hall);
  }
}
