package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
 * Requests a person or a buggy device could send: each is refused as problem+json with a code, a
 * Chinese message and an English one, naming the field where there is one, and changes nothing.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BadInputTest {
  private static final String TICKETS = city("tickets");
  private static final String FINISH = city("windows/01/finish");
  private static final String OFFLINE = city("offline-tickets");
  private static final String REMAP = city("windows/03/matters");
  private static final String NOTICE = "今日办理至17:00";

  /** A resident ID number (masked whether or not its check digit is right) and a mobile number. */
  private static final String ID = "510903199001011234";

  private static final String PHONE = "13812345678";

  @TempDir static Path data;
  static ServerFixture server;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    server.signIn("clerk1", "01");
    server.issue("HH-ID-RENEW");
    assertThat(server.post(city("windows/01/call-next"), server.token("clerk1"), null).status())
        .isEqualTo(200);
    assertThat(
            server
                .post(
                    city("notice"),
                    server.token("supervisor"),
                    new JsonObject().put("text", NOTICE))
                .status())
        .isEqualTo(200);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A bad request; {@code field} is the field the problem must name, or null. */
  private record Case(
      String name,
      String path,
      String caller,
      String body,
      int status,
      String code,
      String field) {}

  private static List<Case> cases() {
    String huge = "{\"matter\":\"HH-CERT\",\"proof\":\"" + "证".repeat(6000) + "\"}";
    return List.of(
        new Case("malformed JSON", TICKETS, "kiosk", "{\"matter\": ", 400, "BAD_FIELD", "body"),
        new Case(
            "a JSON array instead of an object",
            TICKETS,
            "kiosk",
            "[{\"matter\":\"HH-CERT\"}]",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "a JSON string instead of an object",
            TICKETS,
            "kiosk",
            "\"HH-CERT\"",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "a number for matter", TICKETS, "kiosk", "{\"matter\":5}", 400, "BAD_FIELD", "matter"),
        new Case(
            "a word for partySize",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"partySize\":\"x\"}",
            400,
            "BAD_FIELD",
            "partySize"),
        new Case(
            "a fraction for partySize",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"partySize\":2.5}",
            400,
            "BAD_FIELD",
            "partySize"),
        new Case(
            "a party of none",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"partySize\":0}",
            400,
            "BAD_FIELD",
            "partySize"),
        new Case(
            "a party size that only fits in 64 bits",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"partySize\":4294967297}",
            400,
            "BAD_FIELD",
            "partySize"),
        new Case(
            "a record number that only fits in 64 bits",
            city("ratings"),
            "agent",
            "{\"record\":4294967297,\"level\":5}",
            400,
            "BAD_FIELD",
            "record"),
        new Case(
            "a fraction for a rating level",
            city("ratings"),
            "agent",
            "{\"record\":1,\"level\":1.5}",
            400,
            "BAD_FIELD",
            "level"),
        new Case(
            "an unknown field",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"colour\":\"red\"}",
            400,
            "BAD_FIELD",
            "colour"),
        new Case("no matter at all", TICKETS, "kiosk", "{}", 400, "BAD_FIELD", "matter"),
        new Case(
            "a matter with characters no id has",
            TICKETS,
            "kiosk",
            "{\"matter\":\"../etc\"}",
            400,
            "BAD_FIELD",
            "matter"),
        new Case(
            "an unknown hall",
            "/api/v1/halls/nowhere/tickets",
            "kiosk",
            "{\"matter\":\"HH-CERT\"}",
            404,
            "UNKNOWN_HALL",
            null),
        new Case(
            "an unknown window",
            city("windows/99/call-next"),
            "clerk1",
            null,
            404,
            "UNKNOWN_WINDOW",
            null),
        new Case(
            "a window id that is no id",
            city("windows/w%20x/call-next"),
            "clerk1",
            null,
            404,
            "UNKNOWN_WINDOW",
            null),
        new Case(
            "an unknown matter",
            TICKETS,
            "kiosk",
            "{\"matter\":\"XX-NOTHING\"}",
            400,
            "UNKNOWN_MATTER",
            "matter"),
        new Case(
            "an ID number with a wrong check digit",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"idNumber\":\"510903199001011235\"}",
            400,
            "BAD_FIELD",
            "idNumber"),
        new Case(
            "an ID number too short",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"idNumber\":\"51090319900101\"}",
            400,
            "BAD_FIELD",
            "idNumber"),
        new Case(
            "an ID number as a number",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"idNumber\":51090319}",
            400,
            "BAD_FIELD",
            "idNumber"),
        new Case("a body over 16 KiB", TICKETS, "kiosk", huge, 413, "BODY_TOO_LARGE", null),
        new Case(
            "a clerk naming another clerk in the body",
            FINISH,
            "clerk2",
            "{\"outcome\":\"DONE\",\"asClerk\":\"T-clerk1\"}",
            400,
            "BAD_FIELD",
            "asClerk"),
        new Case(
            "JSON nested thousands deep",
            TICKETS,
            "kiosk",
            "{\"a\":".repeat(2000) + "1" + "}".repeat(2000),
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "an unknown outcome",
            FINISH,
            "clerk1",
            "{\"outcome\":\"MAYBE\"}",
            400,
            "BAD_FIELD",
            "outcome"),
        new Case(
            "pending materials without the list",
            FINISH,
            "clerk1",
            "{\"outcome\":\"PENDING_MATERIALS\",\"dueDate\":\"2026-12-01\"}",
            400,
            "BAD_FIELD",
            "missingMaterials"),
        new Case(
            "pending materials with a due date that is no date",
            FINISH,
            "clerk1",
            "{\"outcome\":\"PENDING_MATERIALS\",\"missingMaterials\":[\"户口簿\"],\"dueDate\":\"明天\"}",
            400,
            "BAD_FIELD",
            "dueDate"),
        new Case(
            "not done without a reason",
            FINISH,
            "clerk1",
            "{\"outcome\":\"NOT_DONE\"}",
            400,
            "BAD_FIELD",
            "reason"),
        new Case(
            "a notice that is not text",
            city("notice"),
            "supervisor",
            "{\"text\":[1,2]}",
            400,
            "BAD_FIELD",
            "text"),
        new Case(
            "offline tickets that are not a list",
            city("offline-tickets"),
            "kiosk",
            "{\"block\":1,\"tickets\":\"A001\"}",
            400,
            "BAD_FIELD",
            "tickets"),
        new Case(
            "a lone surrogate in free text",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"proof\":\"证\\ud800\"}",
            400,
            "BAD_FIELD",
            "proof"),
        new Case(
            "a lone low surrogate in the notice",
            city("notice"),
            "supervisor",
            "{\"text\":\"\\udc00闭馆\"}",
            400,
            "BAD_FIELD",
            "text"),
        new Case(
            "a lone surrogate in a field name",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"\\ud83d\":1}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "a comment that would clear the notice",
            city("notice"),
            "supervisor",
            "{/*c*/}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "a line comment",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\" // kiosk 3\n}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "single quotes", TICKETS, "kiosk", "{'matter':'HH-CERT'}", 400, "BAD_FIELD", "body"),
        new Case(
            "a trailing comma",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "NaN for a number",
            city("ratings"),
            "agent",
            "{\"record\":NaN,\"level\":5}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "a number with a leading zero",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"partySize\":02}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "an unquoted field name",
            TICKETS,
            "kiosk",
            "{matter:\"HH-CERT\"}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "a field given twice",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"matter\":\"HH-ID-RENEW\"}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "two bodies in one",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\"}{\"matter\":\"HH-CERT\"}",
            400,
            "BAD_FIELD",
            "body"),
        new Case(
            "2.0 for a whole number",
            TICKETS,
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"partySize\":2.0}",
            400,
            "BAD_FIELD",
            "partySize"),
        new Case(
            "5.0 for a rating level",
            city("ratings"),
            "agent",
            "{\"record\":1,\"level\":5.0}",
            400,
            "BAD_FIELD",
            "level"),
        new Case(
            "an exponent for a block size",
            city("offline-blocks"),
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"size\":2e1}",
            400,
            "BAD_FIELD",
            "size"),
        new Case(
            "a number past any integer",
            city("offline-blocks"),
            "kiosk",
            "{\"matter\":\"HH-CERT\",\"size\":" + "9".repeat(40) + "}",
            400,
            "BAD_FIELD",
            "size"),
        new Case(
            "matter codes with a number among them",
            REMAP,
            "supervisor",
            "{\"matters\":[\"HH-CERT\",5]}",
            400,
            "BAD_FIELD",
            "matters[1]"),
        new Case(
            "matter codes with a list among them",
            REMAP,
            "supervisor",
            "{\"matters\":[[\"HH-CERT\"]]}",
            400,
            "BAD_FIELD",
            "matters[0]"),
        new Case(
            "a weight given as text",
            REMAP,
            "supervisor",
            "{\"matters\":{\"HH-CERT\":\"5\"}}",
            400,
            "BAD_FIELD",
            "matters.HH-CERT"),
        new Case(
            "a weight given as 5.0",
            REMAP,
            "supervisor",
            "{\"matters\":{\"HH-CERT\":5.0}}",
            400,
            "BAD_FIELD",
            "matters.HH-CERT"),
        new Case(
            "matters that are a number",
            REMAP,
            "supervisor",
            "{\"matters\":5}",
            400,
            "BAD_FIELD",
            "matters"),
        new Case(
            "missing materials with a number among them",
            FINISH,
            "clerk1",
            "{\"outcome\":\"PENDING_MATERIALS\",\"missingMaterials\":[\"户口簿\",3],\"dueDate\":\"2026-12-01\"}",
            400,
            "BAD_FIELD",
            "missingMaterials[1]"),
        new Case(
            "missing materials with an empty one",
            FINISH,
            "clerk1",
            "{\"outcome\":\"PENDING_MATERIALS\",\"missingMaterials\":[\" \"],\"dueDate\":\"2026-12-01\"}",
            400,
            "BAD_FIELD",
            "missingMaterials[0]"),
        new Case(
            "missing materials that are one text, not a list",
            FINISH,
            "clerk1",
            "{\"outcome\":\"PENDING_MATERIALS\",\"missingMaterials\":\"户口簿\",\"dueDate\":\"2026-12-01\"}",
            400,
            "BAD_FIELD",
            "missingMaterials"),
        new Case(
            "a reason that is a number",
            FINISH,
            "clerk1",
            "{\"outcome\":\"NOT_DONE\",\"reason\":7}",
            400,
            "BAD_FIELD",
            "reason"),
        new Case(
            "an offline ticket that is a word",
            OFFLINE,
            "kiosk",
            "{\"block\":1,\"tickets\":[\"a\"]}",
            400,
            "BAD_FIELD",
            "tickets[0]"),
        new Case(
            "an offline ticket after a good one that is a number",
            OFFLINE,
            "kiosk",
            "{\"block\":1,\"tickets\":[{\"number\":1,\"issuedAt\":\"2026-01-05T01:00:00Z\"},7]}",
            400,
            "BAD_FIELD",
            "tickets[1]"),
        new Case(
            "an offline ticket whose number is a word",
            OFFLINE,
            "kiosk",
            "{\"block\":1,\"tickets\":[{\"number\":\"x\",\"issuedAt\":\"2026-01-05T01:00:00Z\"}]}",
            400,
            "BAD_FIELD",
            "tickets[0].number"),
        new Case(
            "an offline ticket whose number is 1.0",
            OFFLINE,
            "kiosk",
            "{\"block\":1,\"tickets\":[{\"number\":1.0,\"issuedAt\":\"2026-01-05T01:00:00Z\"}]}",
            400,
            "BAD_FIELD",
            "tickets[0].number"),
        new Case(
            "an offline ticket printed at no instant",
            OFFLINE,
            "kiosk",
            "{\"block\":1,\"tickets\":[{\"number\":1,\"issuedAt\":5}]}",
            400,
            "BAD_FIELD",
            "tickets[0].issuedAt"),
        new Case(
            "an offline ticket with a field no ticket has",
            OFFLINE,
            "kiosk",
            "{\"block\":1,\"tickets\":[{\"number\":1,\"issuedAt\":\"2026-01-05T01:00:00Z\",\"colour\":1}]}",
            400,
            "BAD_FIELD",
            "tickets[0].colour"));
  }

  @TestFactory
  Stream<DynamicTest> bad_requests_are_refused_with_a_problem_and_change_nothing() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.name() + " is " + c.status() + " " + c.code(),
                    () -> {
                      long before = server.seq();
                      HttpReply r =
                          c.body() == null
                              ? server.post(c.path(), server.token(c.caller()), null)
                              : server.postRaw(c.path(), server.token(c.caller()), c.body());
                      assertProblem(r, c.status(), c.code());
                      if (c.field() != null) {
                        assertThat(r.json().getString("field"))
                            .as(r.toString())
                            .isEqualTo(c.field());
                      }
                      assertThat(server.seq()).as("nothing happened in the hall").isEqualTo(before);
                    }));
  }

  @Test
  void a_refused_notice_leaves_the_notice_as_it_was() {
    String before = server.snapshot(ServerFixture.HALL).getString("notice");
    for (String body :
        List.of(
            "{/*c*/}",
            "{\"text\":\"\\ud800\"}",
            "{\"text\":\"x\",\"text\":\"\"}",
            "{\"text\":\"\"}//")) {
      assertProblem(
          server.postRaw(city("notice"), server.token("supervisor"), body), 400, "BAD_FIELD");
    }
    assertThat(server.snapshot(ServerFixture.HALL).getString("notice"))
        .isEqualTo(before)
        .isNotEmpty();
  }

  @Test
  void a_body_that_is_not_utf_8_is_refused() {
    long before = server.seq();
    byte[] latin1 =
        "{\"matter\":\"HH-CERT\",\"proof\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
    HttpReply r =
        ServerFixture.await(
            server.send(
                HttpMethod.POST, TICKETS, server.token("kiosk"), Buffer.buffer(latin1), Map.of()));
    assertProblem(r, 400, "BAD_FIELD");
    assertThat(r.json().getString("field")).isEqualTo("body");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void an_unknown_field_named_like_an_id_number_is_refused_without_echoing_its_name() {
    long before = server.seq();
    for (String name : List.of(ID, "id" + ID, PHONE, "张三")) {
      HttpReply r =
          server.post(
              TICKETS,
              server.token("kiosk"),
              new JsonObject().put("matter", "HH-CERT").put(name, 1));
      assertProblem(r, 400, "BAD_FIELD");
      assertThat(r.body())
          .as(r.toString())
          .doesNotContain(name)
          .doesNotContain(ID)
          .doesNotContain(PHONE);
      assertThat(r.json().getString("field")).isEqualTo("body");
      assertThat(r.json().getJsonArray("allowed")).contains("matter", "proof", "partySize");
    }
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void an_id_or_phone_number_typed_into_free_text_is_masked_before_the_hall_sees_it()
      throws Exception {
    String masked = "身份证5109**********1234，电话138****5678";
    String typed = "身份证" + ID + "，电话" + PHONE;
    HttpReply notice =
        server.post(
            city("notice"), server.token("supervisor"), new JsonObject().put("text", typed));
    assertThat(notice.status()).as(notice.toString()).isEqualTo(200);
    assertThat(server.snapshot(ServerFixture.HALL).getString("notice")).isEqualTo(masked);
    JsonObject waiting = server.issue("HH-CERT");
    HttpReply redirect =
        server.post(
            city("tickets/" + waiting.getString("id") + "/redirect"),
            server.token("guide"),
            new JsonObject()
                .put("matter", "HH-ID-RENEW")
                .put("reason", "身份证号 51090319900101123X 旧证 510903900101123"));
    assertThat(redirect.status()).as(redirect.toString()).isEqualTo(200);
    HttpReply cancel =
        server.post(
            city("tickets/" + waiting.getString("id") + "/cancel"),
            server.token("guide"),
            new JsonObject().put("reason", "本人来电+86" + PHONE + "取消"));
    assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
    assertThat(
            server
                .post(
                    city("notice"),
                    server.token("supervisor"),
                    new JsonObject().put("text", NOTICE))
                .status())
        .isEqualTo(200);
    for (String clear : List.of(ID, "51090319900101123X", "510903900101123", PHONE)) {
      assertThat(DataFiles.holding(data, List.of(clear)))
          .as("files holding %s in clear", clear)
          .isEmpty();
    }
  }

  @Test
  void an_idempotency_key_longer_than_128_characters_is_refused() {
    long before = server.seq();
    HttpReply r =
        server.post(
            TICKETS,
            server.token("kiosk"),
            new JsonObject().put("matter", "HH-CERT"),
            "k".repeat(129));
    assertProblem(r, 400, "BAD_FIELD");
    assertThat(r.json().getString("field")).isEqualTo("Idempotency-Key");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void an_unknown_endpoint_is_a_404_problem() {
    assertProblem(
        server.post("/api/v1/halls/city/teleport", server.token("kiosk"), null), 404, "NOT_FOUND");
    assertProblem(server.get("/api/v2/anything", null), 404, "NOT_FOUND");
  }

  @Test
  void a_known_endpoint_asked_with_the_wrong_method_is_a_405_naming_the_allowed_ones() {
    long before = server.seq();
    HttpReply r = server.get(city("windows/01/call-next"), server.token("clerk1"));
    assertProblem(r, 405, "METHOD_NOT_ALLOWED");
    assertThat(r.header("Allow")).isEqualTo("POST");
    HttpReply tickets =
        server.post(city("tickets/20260101-Z999"), server.token("kiosk"), new JsonObject());
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
