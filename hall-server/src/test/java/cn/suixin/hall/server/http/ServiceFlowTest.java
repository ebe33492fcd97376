package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.BadInputTest.assertProblem;
import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A citizen's way through the hall over HTTP: a ticket, a call, the service, its outcome and a
 * rating. Each test works at its own window with its own matters, so they do not meet.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServiceFlowTest {
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
  void a_ticket_is_called_served_and_finished_with_each_outcome_then_rated_once() {
    server.signIn("clerk1", "13");
    String clerk = server.token("clerk1");
    LocalDate due = LocalDate.now().plusDays(5);
    List<JsonObject> outcomes =
        List.of(
            new JsonObject().put("outcome", "DONE"),
            new JsonObject()
                .put("outcome", "PENDING_MATERIALS")
                .put("missingMaterials", new JsonArray().add("营业执照副本"))
                .put("dueDate", due.toString()),
            new JsonObject().put("outcome", "NOT_DONE").put("reason", "系统故障，无法办理"),
            new JsonObject().put("outcome", "REFERRED").put("referredTo", "市场监管局"));
    List<Integer> records = new ArrayList<>();
    for (JsonObject outcome : outcomes) {
      JsonObject ticket = server.issue("PO-SEAL");
      assertThat(ticket.getString("status")).isEqualTo("WAITING");
      assertThat(ticket.getString("followUrl"))
          .startsWith("/t/city/" + ticket.getString("id") + "?k=");

      HttpReply called = server.post(city("windows/13/call-next"), clerk, null);
      assertThat(called.status()).as(called.toString()).isEqualTo(200);
      assertThat(called.json().getString("rule"))
          .as("the call says which rule picked it")
          .isNotBlank();
      assertThat(called.json().getString("ruleText")).isNotBlank();
      assertThat(called.json().getJsonObject("ticket").getString("id"))
          .isEqualTo(ticket.getString("id"));
      assertThat(called.json().getJsonObject("ticket").getString("status")).isEqualTo("CALLED");
      assertThat(called.json().getJsonObject("ticket").getString("window")).isEqualTo("13");

      HttpReply started = server.post(city("windows/13/start"), clerk, null);
      assertThat(started.status()).as(started.toString()).isEqualTo(200);
      assertThat(started.json().getJsonObject("ticket").getString("status")).isEqualTo("SERVING");

      HttpReply finished = server.post(city("windows/13/finish"), clerk, outcome);
      assertThat(finished.status()).as(outcome + " -> " + finished).isEqualTo(200);
      assertThat(finished.json().getJsonArray("events")).contains("service.finished");
      JsonObject done = finished.json().getJsonObject("ticket");
      assertThat(done.getString("status")).isEqualTo("FINISHED");
      assertThat(done.getInteger("record")).as("a service record to rate").isNotNull();
      records.add(done.getInteger("record"));
    }
    assertThat(records).doesNotHaveDuplicates();

    String agent = server.token("agent");
    for (int record : records) {
      HttpReply rated =
          server.post(
              city("ratings"), agent, new JsonObject().put("record", record).put("level", 5));
      assertThat(rated.status()).as(rated.toString()).isEqualTo(200);
      long before = server.seq();
      HttpReply again =
          server.post(
              city("ratings"), agent, new JsonObject().put("record", record).put("level", 4));
      assertProblem(again, 409, "ALREADY_RATED");
      assertThat(server.seq()).isEqualTo(before);
    }
    assertProblem(
        server.post(city("ratings"), agent, new JsonObject().put("record", 99_999).put("level", 5)),
        404,
        "UNKNOWN_SERVICE_RECORD");
  }

  @Test
  void calling_with_nobody_waiting_is_204_and_changes_nothing() {
    server.signIn("clerk2", "14");
    long before = server.seq();
    HttpReply r = server.post(city("windows/14/call-next"), server.token("clerk2"), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void a_repeated_idempotency_key_returns_the_first_ticket_and_the_first_call() {
    String clerk = server.addUser("clerk15", Role.CLERK, ServerFixture.HALL);
    server.signIn("clerk15", "15");
    String kiosk = server.token("kiosk");
    JsonObject body = new JsonObject().put("matter", "TV-REGISTER");
    HttpReply first = server.post(city("tickets"), kiosk, body, "kiosk-press-1");
    assertThat(first.status()).as(first.toString()).isEqualTo(201);
    long afterIssue = server.seq();
    HttpReply retry = server.post(city("tickets"), kiosk, body, "kiosk-press-1");
    assertThat(retry.status()).isEqualTo(201);
    assertThat(retry.json().getString("id")).isEqualTo(first.json().getString("id"));
    assertThat(retry.json().getString("number")).isEqualTo(first.json().getString("number"));
    assertThat(server.seq()).as("no second ticket").isEqualTo(afterIssue);
    HttpReply other = server.post(city("tickets"), kiosk, body, "kiosk-press-2");
    assertThat(other.json().getString("id"))
        .as("another key is another ticket")
        .isNotEqualTo(first.json().getString("id"));

    HttpReply call = server.post(city("windows/15/call-next"), clerk, null, "call-1");
    assertThat(call.status()).as(call.toString()).isEqualTo(200);
    long afterCall = server.seq();
    HttpReply callAgain = server.post(city("windows/15/call-next"), clerk, null, "call-1");
    assertThat(callAgain.status()).isEqualTo(200);
    assertThat(callAgain.json().getJsonObject("ticket").getString("id"))
        .isEqualTo(call.json().getJsonObject("ticket").getString("id"));
    assertThat(server.seq()).as("no second call").isEqualTo(afterCall);
    JsonObject waitingOne =
        server.get(city("tickets/" + other.json().getString("id")), server.token("guide")).json();
    assertThat(waitingOne.getString("status"))
        .as("the second ticket still waits")
        .isEqualTo("WAITING");
  }

  @Test
  void the_same_idempotency_key_sent_twenty_times_at_once_issues_one_ticket() {
    int before = waiting("TL-RENEW");
    List<Future<HttpReply>> presses = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      presses.add(
          server.send(
              HttpMethod.POST,
              city("tickets"),
              server.token("kiosk"),
              new JsonObject().put("matter", "TL-RENEW").toBuffer(),
              Map.of("Idempotency-Key", "double-tap")));
    }
    ServerFixture.await(Future.all(presses));
    Set<String> ids = new HashSet<>();
    for (Future<HttpReply> f : presses) {
      assertThat(f.result().status()).as(f.result().toString()).isEqualTo(201);
      ids.add(f.result().json().getString("id"));
    }
    assertThat(ids).hasSize(1);
    assertThat(waiting("TL-RENEW")).as("one ticket more waits").isEqualTo(before + 1);
  }

  private static int waiting(String matter) {
    JsonArray matters =
        server.get(city("waiting"), server.token("supervisor")).json().getJsonArray("matters");
    for (int i = 0; i < matters.size(); i++) {
      if (matter.equals(matters.getJsonObject(i).getString("code"))) {
        return matters.getJsonObject(i).getInteger("waiting");
      }
    }
    throw new AssertionError("no matter " + matter + " in " + matters);
  }

  @Test
  void phones_without_a_token_are_rate_limited_after_a_burst() {
    List<Integer> statuses = new ArrayList<>();
    HttpReply limited = null;
    for (int i = 0; i < 12 && limited == null; i++) {
      long before = server.seq();
      HttpReply r = server.post(city("tickets"), null, new JsonObject().put("matter", "HH-CERT"));
      statuses.add(r.status());
      if (r.status() == 429) {
        limited = r;
        assertThat(server.seq()).as("a limited request issues nothing").isEqualTo(before);
      }
    }
    assertThat(limited).as("statuses %s", statuses).isNotNull();
    assertProblem(limited, 429, "RATE_LIMITED");
    // a phone gets a ticket back every 10 s (6 a minute), so it is told to wait 1-10 s
    assertThat(limited.header("Retry-After")).as("Retry-After of the 429").isNotNull();
    assertThat(Integer.parseInt(limited.header("Retry-After"))).isBetween(1, 10);
    assertThat(statuses.subList(0, statuses.size() - 1))
        .as("the burst before the limit")
        .isNotEmpty()
        .containsOnly(201);
    // no proxy is trusted here: a phone naming another address in a forwarded header is still
    // itself
    HttpReply spoofed =
        ServerFixture.await(
            server.send(
                HttpMethod.POST,
                city("tickets"),
                null,
                new JsonObject().put("matter", "HH-CERT").toBuffer(),
                Map.of("X-Forwarded-For", "203.0.113.77", "Forwarded", "for=203.0.113.78")));
    assertProblem(spoofed, 429, "RATE_LIMITED");
    HttpReply kiosk =
        server.post(
            city("tickets"), server.token("kiosk"), new JsonObject().put("matter", "HH-CERT"));
    assertThat(kiosk.status()).as("kiosks are not limited with phones").isEqualTo(201);
  }
}
