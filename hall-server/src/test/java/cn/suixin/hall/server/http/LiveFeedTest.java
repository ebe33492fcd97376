package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live socket of docs/live-protocol.md, seen from a screen and from a staff console. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveFeedTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String LIVE = city("live");

  @TempDir static Path data;
  static ServerFixture server;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_screen_gets_a_snapshot_then_the_call_and_after_a_reconnect_exactly_what_it_missed() {
    long lastSeen;
    try (LiveClient screen = server.live(LIVE)) {
      JsonObject snapshot = screen.next(WAIT);
      assertThat(snapshot.getString("type")).isEqualTo("snapshot");
      assertThat(snapshot.getLong("seq")).isNotNull();
      lastSeen = snapshot.getLong("seq");

      server.signIn("clerk1", "01");
      JsonObject ticket = server.issue("HH-ID-RENEW");
      HttpReply call = server.post(city("windows/01/call-next"), server.token("clerk1"), null);
      assertThat(call.status()).isEqualTo(200);

      List<JsonObject> seen = new ArrayList<>();
      JsonObject m;
      do {
        m = screen.next(WAIT);
        seen.add(m);
        assertThat(m.getLong("seq")).as("seq rises one by one: %s", seen).isEqualTo(lastSeen + 1);
        lastSeen = m.getLong("seq");
      } while (!"ticket.called".equals(m.getString("type")));
      assertThat(m.getString("number")).isEqualTo(ticket.getString("number"));
      assertThat(m.getString("window")).isEqualTo("01");
      assertThat(m.getBoolean("recall")).isFalse();
      assertThat(m.getJsonObject("changes")).isNotNull();
    }

    // while the screen is away: a start, a finish, a ticket and its call
    String clerk = server.token("clerk1");
    server.post(city("windows/01/start"), clerk, null);
    server.post(city("windows/01/finish"), clerk, new JsonObject().put("outcome", "DONE"));
    JsonObject missedTicket = server.issue("HH-ID-RENEW");
    server.post(city("windows/01/call-next"), clerk, null);
    long now = server.seq();
    assertThat(now).isGreaterThan(lastSeen + 3);

    try (LiveClient back = server.live(LIVE + "?since=" + lastSeen)) {
      List<JsonObject> missed = new ArrayList<>();
      for (long s = lastSeen + 1; s <= now; s++) {
        JsonObject msg = back.next(WAIT);
        assertThat(msg.getString("type")).as("a replay, not a snapshot").isNotEqualTo("snapshot");
        assertThat(msg.getLong("seq")).isEqualTo(s);
        missed.add(msg);
      }
      assertThat(missed)
          .extracting(j -> j.getString("type"))
          .containsSubsequence(
              "service.started", "service.finished", "ticket.issued", "ticket.called");
      assertThat(missed.get(missed.size() - 1).getString("number"))
          .isEqualTo(missedTicket.getString("number"));
      assertThat(back.poll(Duration.ofMillis(500)))
          .as("nothing more than what was missed")
          .isNull();
    }
  }

  @Test
  void a_screen_that_knows_a_later_seq_than_the_hall_gets_a_snapshot_and_then_the_calls() {
    long now = server.seq();
    try (LiveClient screen = server.live(LIVE + "?since=" + (now + 1000))) {
      JsonObject first = screen.next(WAIT);
      assertThat(first.getString("type")).isEqualTo("snapshot");
      assertThat(first.getLong("seq")).isEqualTo(now);
      server.signIn("clerk2", "02");
      JsonObject ticket = server.issue("HH-CERT");
      server.post(city("windows/02/call-next"), server.token("clerk2"), null);
      JsonObject called = screen.nextOfType("ticket.called", WAIT);
      assertThat(called.getString("number")).isEqualTo(ticket.getString("number"));
    }
  }

  @Test
  void a_staff_feed_without_an_auth_message_closes_with_4408() {
    try (LiveClient staff = server.live(LIVE + "?staff=1")) {
      assertThat(staff.awaitClose(WAIT)).isEqualTo((short) 4408);
      assertThat(staff.poll(Duration.ZERO)).as("no hall data before auth").isNull();
    }
  }

  @Test
  void a_staff_feed_with_a_bad_token_closes_with_4401() {
    try (LiveClient staff = server.live(LIVE + "?staff=1")) {
      staff.send(new JsonObject().put("type", "auth").put("token", "no-such-token").encode());
      assertThat(staff.awaitClose(WAIT)).isEqualTo((short) 4401);
    }
  }

  @Test
  void a_staff_feed_with_another_halls_token_closes_with_4401() {
    try (LiveClient staff = server.live(LIVE + "?staff=1")) {
      staff.send(
          new JsonObject().put("type", "auth").put("token", server.token("otherclerk")).encode());
      assertThat(staff.awaitClose(WAIT)).isEqualTo((short) 4401);
    }
  }

  @Test
  void a_staff_feed_with_malformed_json_closes_with_4400() {
    try (LiveClient staff = server.live(LIVE + "?staff=1")) {
      staff.send("{\"type\": \"auth\", ");
      assertThat(staff.awaitClose(WAIT)).isEqualTo((short) 4400);
    }
  }

  @Test
  void a_staff_feed_auth_message_that_is_not_standard_json_closes_with_4400() {
    String token = server.token("supervisor");
    for (String text :
        new String[] {
          "{\"type\":\"auth\",/*c*/\"token\":\"" + token + "\"}",
          "{\"type\":\"auth\",\"token\":\"" + token + "\",\"token\":\"" + token + "\"}",
          "{\"type\":7,\"token\":\"" + token + "\"}"
        }) {
      try (LiveClient staff = server.live(LIVE + "?staff=1")) {
        staff.send(text);
        assertThat(staff.awaitClose(WAIT)).as(text).isEqualTo((short) 4400);
      }
    }
  }

  @Test
  void a_staff_feed_with_a_good_token_gets_the_snapshot() {
    try (LiveClient staff = server.live(LIVE + "?staff=1")) {
      staff.send(
          new JsonObject().put("type", "auth").put("token", server.token("supervisor")).encode());
      assertThat(staff.next(WAIT).getString("type")).isEqualTo("snapshot");
    }
  }
}
