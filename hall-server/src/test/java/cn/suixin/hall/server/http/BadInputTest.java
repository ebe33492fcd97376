package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests a person or a buggy device could send: each is refused as problem+json with a code,
 * a Chinese message and an English one, naming the field where there is one, and changes nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadInputTest {
  private static final String TICKETS = city("tickets");
  private static final String FINISH = city("windows/01/finish");

  @TempDir
  static Path data;
  static ServerFixture server;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    server.signIn("clerk1", "01");
    server.issue("HH-ID-RENEW");
    assertThat(server.post(city("windows/01/call-next"), server.token("clerk1"), null).status()).isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A bad request; {@code field} is the field the problem must name, or null. */
  private record Case(String name, String path, String caller, String body, int status, String code, String field) {
  }

  private static List<Case> cases() {
    String huge = "{\"matter\":\"HH-CERT\",\"proof\":\"" + "证".repeat(6000) + "\"}";
    return List.of(
        new Case("malformed JSON", TICKETS, "kiosk", "{\"matter\": ", 400, "BAD_FIELD", "body"),
        new Case("a JSON array instead of an object", TICKETS, "kiosk", "[{\"matter\":\"HH-CERT\"}]", 400,
            "BAD_FIELD", "body"),
        new Case("a JSON string instead of an object", TICKETS, "kiosk", "\"HH-CERT\"", 400, "BAD_FIELD", "body"),
        new Case("a number for matter", TICKETS, "kiosk", "{\"matter\":5}", 400, "BAD_FIELD", "matter"),
        new Case("a word for partySize", TICKETS, "kiosk", "{\"matter\":\"HH-CERT\",\"partySize\":\"x\"}", 400,
            "BAD_FIELD", "partySize"),
        new Case("a fraction for partySize", TICKETS, "kiosk", "{\"matter\":\"HH-CERT\",\"partySize\":2.5}", 400,
            "BAD_FIELD", "partySize"),
        new Case("a party of none", TICKETS, "kiosk", "{\"matter\":\"HH-CERT\",\"partySize\":0}", 400,
            "BAD_FIELD", "partySize"),
        new Case("a party size that only fits in 64 bits", TICKETS, "kiosk",
            "{\"matter\":\"HH-CERT\",\"partySize\":4294967297}", 400, "BAD_FIELD", "partySize"),
        new Case("a record number that only fits in 64 bits", city("ratings"), "agent",
            "{\"record\":4294967297,\"level\":5}", 400, "BAD_FIELD", "record"),
        new Case("a fraction for a rating level", city("ratings"), "agent", "{\"record\":1,\"level\":1.5}", 400,
            "BAD_FIELD", "level"),
        new Case("an unknown field", TICKETS, "kiosk", "{\"matter\":\"HH-CERT\",\"colour\":\"red\"}", 400,
            "BAD_FIELD", "colour"),
        new Case("no matter at all", TICKETS, "kiosk", "{}", 400, "BAD_FIELD", "matter"),
        new Case("a matter with characters no id has", TICKETS, "kiosk", "{\"matter\":\"../etc\"}", 400,
            "BAD_FIELD", "matter"),
        new Case("an unknown hall", "/api/v1/halls/nowhere/tickets", "kiosk", "{\"matter\":\"HH-CERT\"}", 404,
            "UNKNOWN_HALL", null),
        new Case("an unknown window", city("windows/99/call-next"), "clerk1", null, 404, "UNKNOWN_WINDOW", null),
        new Case("a window id that is no id", city("windows/w%20x/call-next"), "clerk1", null, 404,
            "UNKNOWN_WINDOW", null),
        new Case("an unknown matter", TICKETS, "kiosk", "{\"matter\":\"XX-NOTHING\"}", 400, "UNKNOWN_MATTER",
            "matter"),
        new Case("an ID number with a wrong check digit", TICKETS, "kiosk",
            "{\"matter\":\"HH-CERT\",\"idNumber\":\"510903199001011235\"}", 400, "BAD_FIELD", "idNumber"),
        new Case("an ID number too short", TICKETS, "kiosk", "{\"matter\":\"HH-CERT\",\"idNumber\":\"51090319900101\"}",
            400, "BAD_FIELD", "idNumber"),
        new Case("an ID number as a number", TICKETS, "kiosk", "{\"matter\":\"HH-CERT\",\"idNumber\":51090319}",
            400, "BAD_FIELD", "idNumber"),
        new Case("a body over 16 KiB", TICKETS, "kiosk", huge, 413, "BODY_TOO_LARGE", null),
        new Case("a clerk naming another clerk in the body", FINISH, "clerk2",
            "{\"outcome\":\"DONE\",\"asClerk\":\"T-clerk1\"}", 400, "BAD_FIELD", "asClerk"),
        new Case("JSON nested thousands deep", TICKETS, "kiosk", "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            400, "BAD_FIELD", "body"),
        new Case("an unknown outcome", FINISH, "clerk1", "{\"outcome\":\"MAYBE\"}", 400, "BAD_FIELD", "outcome"),
        new Case("pending materials without the list", FINISH, "clerk1",
            "{\"outcome\":\"PENDING_MATERIALS\",\"dueDate\":\"2026-12-01\"}", 400, "BAD_FIELD", "missingMaterials"),
        new Case("pending materials with a due date that is no date", FINISH, "clerk1",
            "{\"outcome\":\"PENDING_MATERIALS\",\"missingMaterials\":[\"户口簿\"],\"dueDate\":\"明天\"}", 400,
            "BAD_FIELD", "dueDate"),
        new Case("not done without a reason", FINISH, "clerk1", "{\"outcome\":\"NOT_DONE\"}", 400, "BAD_FIELD",
            "reason"),
        new Case("a notice that is not text", city("notice"), "supervisor", "{\"text\":[1,2]}", 400, "BAD_FIELD",
            "text"),
        new Case("offline tickets that are not a list", city("offline-tickets"), "kiosk",
            "{\"block\":1,\"tickets\":\"A001\"}", 400, "BAD_FIELD", "tickets"));
  }

  @TestFactory
  Stream<DynamicTest> bad_requests_are_refused_with_a_problem_and_change_nothing() {
    return cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " is " + c.status() + " " + c.code(), () -> {
      long before = server.seq();
      HttpReply r = c.body() == null ? server.post(c.path(), server.token(c.caller()), null)
          : server.postRaw(c.path(), server.token(c.caller()), c.body());
      assertProblem(r, c.status(), c.code());
      if (c.field() != null) {
        assertThat(r.json().getString("field")).as(r.toString()).isEqualTo(c.field());
      }
      assertThat(server.seq()).as("nothing happened in the hall").isEqualTo(before);
    }));
  }

  @Test
  void an_idempotency_key_longer_than_128_characters_is_refused() {
    long before = server.seq();
    HttpReply r = server.post(TICKETS, server.token("kiosk"), new JsonObject().put("matter", "HH-CERT"),
        "k".repeat(129));
    assertProblem(r, 400, "BAD_FIELD");
    assertThat(r.json().getString("field")).isEqualTo("Idempotency-Key");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void an_unknown_endpoint_is_a_404_problem() {
    assertProblem(server.post("/api/v1/halls/city/teleport", server.token("kiosk"), null), 404, "NOT_FOUND");
    assertProblem(server.get("/api/v2/anything", null), 404, "NOT_FOUND");
  }

  @Test
  void a_known_endpoint_asked_with_the_wrong_method_is_a_405_naming_the_allowed_ones() {
    long before = server.seq();
    HttpReply r = server.get(city("windows/01/call-next"), server.token("clerk1"));
    assertProblem(r, 405, "METHOD_NOT_ALLOWED");
    assertThat(r.header("Allow")).isEqualTo("POST");
    HttpReply tickets = server.post(city("tickets/20260101-Z999"), server.token("kiosk"), new JsonObject());
    assertProblem(tickets, 405, "METHOD_NOT_ALLOWED");
    assertThat(tickets.header("Allow")).isEqualTo("GET");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void an_unknown_ticket_is_a_404_problem() {
    assertProblem(server.get(city("tickets/20260101-Z999"), null), 404, "UNKNOWN_TICKET");
    long before = server.seq();
    HttpReply r = server.post(city("tickets/20260101-Z999/cancel"), server.token("guide"), null);
    assertProblem(r, 404, "UNKNOWN_TICKET");
    assertThat(server.seq()).isEqualTo(before);
  }

  static void assertProblem(HttpReply r, int status, String code) {
    assertThat(r.status()).as(r.toString()).isEqualTo(status);
    assertThat(r.isProblem()).as("content type %s", r.header("Content-Type")).isTrue();
    assertThat(r.code()).as(r.toString()).isEqualTo(code);
    assertThat(r.json().getString("message")).as("Chinese message").matches(".*\\p{IsHan}.*");
    assertThat(r.json().getString("messageEn")).as("English message").isNotBlank();
    assertThat(r.json().getInteger("status")).isEqualTo(status);
  }
}
