package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every route that changes something, refused for each kind of caller that must not use it: no
 * token, a token that is no one's, a wrong role, a caller of another hall, and a clerk at another
 * clerk's window. A refusal changes nothing: the hall's sequence number stays put.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RouteSecurityTest {
  /**
   * Logging in is how a caller gets a token, and enrolling a kiosk how a kiosk PC gets its cookie
   * (both bring their secret in the body; KioskEnrolmentTest covers the second), so they are open
   * to everyone by design.
   */
  private static final Set<String> OPEN_BY_DESIGN =
      Set.of("POST /api/v1/auth/login", "POST /api/v1/halls/{hall}/kiosk/enrolment");

  @TempDir static Path data;
  static ServerFixture server;

  /** Served at window 01 by clerk1: called, not started. */
  static String current;

  /** Waiting, for the help desk's routes. */
  static String waiting;

  /** A finished service at window 02, so a rating would be accepted. */
  static int record;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    server.signIn("clerk2", "02");
    server.issue("HH-ID-RENEW");
    assertThat(server.post(city("windows/02/call-next"), server.token("clerk2"), null).status())
        .isEqualTo(200);
    assertThat(server.post(city("windows/02/start"), server.token("clerk2"), null).status())
        .isEqualTo(200);
    HttpReply finished =
        server.post(
            city("windows/02/finish"),
            server.token("clerk2"),
            new JsonObject().put("outcome", "DONE"));
    record = finished.json().getJsonObject("ticket").getInteger("record");
    server.signIn("clerk1", "01");
    current = server.issue("HH-ID-RENEW").getString("id");
    HttpReply called = server.post(city("windows/01/call-next"), server.token("clerk1"), null);
    assertThat(called.json().getJsonObject("ticket").getString("id")).isEqualTo(current);
    waiting = server.issue("HH-CERT").getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private record Refusal(String caller, String why, int status, String code) {}

  private record Guarded(String route, String path, JsonObject body, List<Refusal> refusals) {}

  private static List<Guarded> table() {
    List<Guarded> t = new ArrayList<>();
    String tickets = "/api/v1/halls/{hall}/tickets";
    // no token here is a phone taking a ticket: allowed, and rate-limited (ServiceFlowTest)
    t.add(
        guarded(
            tickets,
            null,
            new JsonObject().put("matter", "HH-ID-RENEW"),
            false,
            roles("clerk1", "display", "agent"),
            others("kioskAnju", "otherguide")));
    JsonObject redirect = new JsonObject().put("matter", "HH-ID-REISSUE").put("reason", "取错号");
    t.add(
        guarded(
            tickets + "/{ticket}/redirect",
            null,
            redirect,
            true,
            roles("clerk1", "kiosk"),
            others("otherguide")));
    JsonObject green = new JsonObject().put("channel", "migrant-workers").put("reason", "务工人员");
    t.add(
        guarded(
            tickets + "/{ticket}/green-channel",
            null,
            green,
            true,
            roles("clerk1", "kiosk"),
            others("otherguide", "othersupervisor")));
    t.add(
        guarded(
            tickets + "/{ticket}/cancel",
            null,
            new JsonObject().put("reason", "重复取号"),
            true,
            roles("clerk1", "agent"),
            others("otherguide")));

    String windows = "/api/v1/halls/{hall}/windows/{window}";
    t.add(
        guarded(
            windows + "/sign-in",
            "03",
            null,
            true,
            roles("guide", "supervisor", "kiosk"),
            others("otherclerk")));
    t.add(
        clerkWindow(
            windows + "/sign-out",
            null,
            roles("guide", "kiosk"),
            others("otherclerk", "othersupervisor")));
    for (String action : List.of("call-next", "recall", "start", "no-show", "park")) {
      t.add(
          clerkWindow(
              windows + "/" + action,
              null,
              roles("guide", "supervisor", "admin"),
              others("otherclerk")));
    }
    t.add(
        clerkWindow(
            windows + "/finish",
            new JsonObject().put("outcome", "DONE"),
            roles("guide", "supervisor"),
            others("otherclerk")));
    t.add(
        clerkWindow(
            windows + "/transfer",
            new JsonObject().put("matter", "HH-CERT").put("reason", "改办"),
            roles("guide", "supervisor"),
            others("otherclerk")));
    t.add(
        clerkWindow(
            windows + "/resume-parked",
            new JsonObject().put("ticket", "x"),
            roles("guide", "supervisor"),
            others("otherclerk")));
    t.add(
        clerkWindow(
            windows + "/pause",
            new JsonObject().put("reason", "暂离"),
            roles("guide", "kiosk"),
            others("otherclerk", "othersupervisor")));
    t.add(
        clerkWindow(
            windows + "/resume",
            null,
            roles("guide", "agent"),
            others("otherclerk", "othersupervisor")));
    t.add(
        guarded(
            windows + "/open",
            "03",
            null,
            true,
            roles("clerk1", "guide"),
            others("othersupervisor")));
    t.add(
        guarded(
            windows + "/close",
            "03",
            new JsonObject().put("reason", "检修"),
            true,
            roles("clerk1", "guide"),
            others("othersupervisor")));
    t.add(
        guarded(
            windows + "/matters",
            "03",
            new JsonObject().put("matters", new JsonArray().add("HH-CERT")),
            true,
            roles("clerk1", "guide"),
            others("othersupervisor")));

    String hall = "/api/v1/halls/{hall}";
    t.add(
        guarded(
            hall + "/ratings",
            null,
            new JsonObject().put("record", record).put("level", 5),
            true,
            roles("clerk1", "guide", "display"),
            others("kioskAnju", "othersupervisor")));
    t.add(
        guarded(
            hall + "/notice",
            null,
            new JsonObject().put("text", "今日办理至17:00"),
            true,
            roles("clerk1", "guide", "kiosk"),
            others("othersupervisor")));
    t.add(
        guarded(
            hall + "/offline-blocks",
            null,
            new JsonObject().put("matter", "HH-ID-RENEW").put("size", 20),
            true,
            roles("clerk1", "supervisor", "display"),
            others("kioskAnju")));
    t.add(
        guarded(
            hall + "/offline-tickets",
            null,
            new JsonObject().put("block", 1).put("tickets", new JsonArray()),
            true,
            roles("clerk1", "supervisor", "display"),
            others("kioskAnju")));

    t.add(guarded("/api/v1/auth/logout", null, null, true, List.of(), List.of()));
    t.add(
        guarded(
            "/api/v1/users/{username}/unlock",
            null,
            null,
            true,
            roles("clerk1", "guide", "supervisor", "kiosk", "agent"),
            others("othersupervisor")));
    return t;
  }

  @TestFactory
  Stream<DynamicContainer>
      every_mutating_route_refuses_callers_it_is_not_for_and_changes_nothing() {
    return table().stream()
        .map(
            g ->
                DynamicContainer.dynamicContainer(
                    "POST " + g.route(),
                    g.refusals().stream()
                        .map(
                            r ->
                                DynamicTest.dynamicTest(
                                    r.why() + " is refused with " + r.status() + " " + r.code(),
                                    () -> assertRefused(g, r)))));
  }

  @Test
  void the_table_covers_every_mutating_route_of_the_router() {
    Set<String> registered = new TreeSet<>();
    RegisteredRoutes.mutating().forEach(e -> registered.add(e.toString()));
    registered.removeAll(OPEN_BY_DESIGN);
    Set<String> tested = new TreeSet<>();
    table().forEach(g -> tested.add("POST " + g.route()));
    assertThat(tested).isEqualTo(registered);
  }

  @Test
  void a_clerk_cannot_sign_in_at_a_window_another_clerk_holds() {
    long before = server.seq();
    HttpReply r = server.post(city("windows/01/sign-in"), server.token("clerk2"), null);
    assertThat(r.status()).as(r.toString()).isEqualTo(409);
    assertThat(r.code()).isEqualTo("WINDOW_HAS_CLERK");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void only_the_help_desk_issues_appointment_tickets_that_go_before_walk_ins() {
    Instant now = Instant.now();
    JsonObject booked =
        new JsonObject()
            .put("matter", "HH-CERT")
            .put("slotStart", now.minusSeconds(60).toString())
            .put("slotEnd", now.plusSeconds(1800).toString());
    for (String caller : new String[] {null, "kiosk"}) {
      long before = server.seq();
      HttpReply r =
          server.post(city("tickets"), caller == null ? null : server.token(caller), booked);
      assertThat(r.status()).as("%s: %s", caller, r).isEqualTo(403);
      assertThat(r.json().getString("field")).isEqualTo("slotStart");
      assertThat(server.seq()).isEqualTo(before);
    }
    HttpReply byGuide = server.post(city("tickets"), server.token("guide"), booked);
    assertThat(byGuide.status()).as(byGuide.toString()).isEqualTo(201);
    assertThat(byGuide.json().getString("source")).isEqualTo("APPOINTMENT");
  }

  @Test
  void a_token_is_refused_once_its_session_is_logged_out() {
    String token = server.addUser("leaving", Role.GUIDE, ServerFixture.HALL);
    HttpReply out = server.post("/api/v1/auth/logout", token, null);
    assertThat(out.status()).as(out.toString()).isEqualTo(204);
    long before = server.seq();
    HttpReply r = server.post(city("tickets"), token, new JsonObject().put("matter", "HH-CERT"));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("UNAUTHORIZED");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void a_phone_takes_a_ticket_without_a_token() {
    HttpReply r = server.post(city("tickets"), null, new JsonObject().put("matter", "HH-CERT"));
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.json().getString("source")).isEqualTo("PHONE");
  }

  private static void assertRefused(Guarded g, Refusal r) {
    long before = server.seq();
    String token =
        r.caller() == null
            ? null
            : r.caller().equals("-") ? "no-such-token" : server.token(r.caller());
    HttpReply reply = server.post(g.path(), token, g.body());
    assertThat(reply.status()).as(reply.toString()).isEqualTo(r.status());
    assertThat(reply.isProblem())
        .as("problem+json: %s", reply.headers().get("Content-Type"))
        .isTrue();
    assertThat(reply.code()).as(reply.toString()).isEqualTo(r.code());
    assertThat(reply.json().getString("message")).isNotBlank();
    assertThat(reply.json().getString("messageEn")).isNotBlank();
    assertThat(server.seq()).as("nothing happened in the hall").isEqualTo(before);
  }

  /** A route of window 01, where clerk1 is serving; clerk2 (signed in at 02) must not touch it. */
  private static Guarded clerkWindow(
      String route, JsonObject body, List<Refusal> roles, List<Refusal> others) {
    Guarded g = guarded(route, "01", body, true, roles, others);
    g.refusals().add(new Refusal("clerk2", "clerk2 at clerk1's window", 403, "NOT_YOUR_WINDOW"));
    return g;
  }

  private static Guarded guarded(
      String route,
      String window,
      JsonObject body,
      boolean needsToken,
      List<Refusal> roles,
      List<Refusal> others) {
    String path =
        route
            .replace("{hall}", ServerFixture.HALL)
            .replace("{window}", window == null ? "01" : window)
            .replace("{ticket}", route.contains("/tickets/{ticket}") ? waiting : "")
            .replace("{username}", "clerk1");
    List<Refusal> refusals = new ArrayList<>();
    if (needsToken) {
      refusals.add(new Refusal(null, "a request without a token", 401, "UNAUTHORIZED"));
    }
    refusals.add(new Refusal("-", "a token that is no one's", 401, "UNAUTHORIZED"));
    refusals.addAll(roles);
    refusals.addAll(others);
    return new Guarded(route, path, body, refusals);
  }

  private static List<Refusal> roles(String... callers) {
    return Stream.of(callers)
        .map(c -> new Refusal(c, c + " (a role this route is not for)", 403, "FORBIDDEN"))
        .toList();
  }

  private static List<Refusal> others(String... callers) {
    return Stream.of(callers)
        .map(c -> new Refusal(c, c + " of another hall", 403, "FORBIDDEN"))
        .toList();
  }
}
