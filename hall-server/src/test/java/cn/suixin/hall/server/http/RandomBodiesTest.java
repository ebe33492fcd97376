package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random bodies ({@link HostileBodies}) on every POST route of the router, from every kind of
 * caller. Whatever arrives: no 5xx (a 503 only with Retry-After), every refusal a well-formed
 * problem in Chinese and English, no ID or phone number in clear in any answer or in the data
 * folder, and after each burst the hall still serves a ticket from issue to finish.
 *
 * <p>{@code -Dfuzz.tries=20000} for a longer run; {@code -Dfuzz.seed=N} repeats a run (the seed is
 * printed at the start and in every failure).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RandomBodiesTest {
  private static final int TRIES = Integer.getInteger("fuzz.tries", 1000);
  private static final long SEED = Long.getLong("fuzz.seed", new Random().nextLong());
  private static final int BURST = 50;

  /** Who sends: no token, each role's token, and a token that is no one's. */
  private static final List<String> CALLERS =
      Arrays.asList(null, "kiosk", "clerk1", "guide", "supervisor", "admin", "agent", "-");

  private static final Pattern ID_OR_PHONE =
      Pattern.compile("(?<![0-9])(?:[0-9]{17}[0-9Xx]|[0-9]{15}|1[3-9][0-9]{9})(?![0-9])");

  private static final List<String> CLEAR =
      Stream.concat(HostileBodies.ID_NUMBERS.stream(), HostileBodies.PHONES.stream()).toList();

  @TempDir static Path data;
  static ServerFixture server;
  private final List<String> tickets = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    // window 02 is the fuzz's control: no random request names it, clerk2 serves there after every
    // burst
    server.signIn("clerk2", "02");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void random_bodies_on_every_post_route_get_no_5xx_a_proper_problem_and_never_an_id_number_back()
      throws Exception {
    List<RegisteredRoutes.Endpoint> routes = RegisteredRoutes.mutating();
    assertThat(HostileBodies.routes())
        .as("a body shape for every POST route")
        .containsExactlyInAnyOrderElementsOf(
            routes.stream().map(RegisteredRoutes.Endpoint::path).toList());
    System.out.printf(
        "RandomBodiesTest: seed %d, %d requests (-Dfuzz.seed=%d -Dfuzz.tries=%d to repeat)%n",
        SEED, TRIES, SEED, TRIES);
    Random random = new Random(SEED);
    HostileBodies bodies = new HostileBodies(random, tickets);
    Map<String, Integer> answers = new TreeMap<>();
    for (int i = 0; i < TRIES; i++) {
      if (i % BURST == 0) {
        if (i > 0) {
          hallStillServes("after request " + i);
        }
        prepare();
      }
      RegisteredRoutes.Endpoint route = routes.get(random.nextInt(routes.size()));
      List<String> fit = callersFor(route.path());
      String caller =
          random.nextInt(5) < 3 || route.path().endsWith("/logout")
              ? fit.get(random.nextInt(fit.size()))
              : CALLERS.get(random.nextInt(CALLERS.size()));
      String path = path(route.path(), random);
      byte[] body = bodies.body(route.path());
      Map<String, String> headers =
          random.nextInt(10) > 0
              ? Map.of()
              : Map.of(
                  "Idempotency-Key",
                  random.nextBoolean() ? "k-" + random.nextInt(50) : "k".repeat(200));
      HttpReply reply =
          ServerFixture.await(
              server.send(
                  HttpMethod.POST,
                  path,
                  token(caller),
                  body == null ? null : Buffer.buffer(body),
                  headers));
      check(
          reply,
          String.format(
              "seed %d, request %d: POST %s as %s with %s", SEED, i, path, caller, shown(body)));
      answers.merge(
          route.path().replaceFirst(".*/", "")
              + " "
              + reply.status()
              + (reply.isProblem() ? " " + reply.code() : ""),
          1,
          Integer::sum);
      if (reply.status() == 201 && path.endsWith("/tickets")) {
        tickets.add(reply.json().getString("id"));
      }
    }
    hallStillServes("at the end");
    System.out.println("RandomBodiesTest: answers by route, status and code: " + answers);
    assertThat(DataFiles.holding(data, CLEAR))
        .as("seed %d: data files holding an ID or phone number", SEED)
        .isEmpty();
  }

  private static void check(HttpReply reply, String request) {
    int status = reply.status();
    assertThat(status >= 500 && !(status == 503 && reply.header("Retry-After") != null))
        .as("%s answered %s", request, reply)
        .isFalse();
    if (status >= 400) {
      assertThat(reply.isProblem())
          .as("%s: problem+json, got %s", request, reply.header("Content-Type"))
          .isTrue();
      JsonObject p = reply.json();
      assertThat(p.getString("code")).as("%s: code of %s", request, reply).isNotBlank();
      assertThat(p.getString("message"))
          .as("%s: Chinese message of %s", request, reply)
          .matches("(?s).*\\p{IsHan}.*");
      assertThat(p.getString("messageEn"))
          .as("%s: English message of %s", request, reply)
          .isNotBlank();
      assertThat(p.getInteger("status")).as("%s: status of %s", request, reply).isEqualTo(status);
    } else if (status != 204) {
      assertThat(reply.json()).as("%s: a JSON answer", request).isNotNull();
    }
    String answer = reply.body() + " " + reply.headers().entries();
    for (String clear : CLEAR) {
      assertThat(answer).as("%s: answered in clear", request).doesNotContain(clear);
    }
    assertThat(ID_OR_PHONE.matcher(answer).find())
        .as("%s: an ID or phone number in clear in %s", request, answer)
        .isFalse();
  }

  /**
   * Clerk1 at window 01 and both random windows open, so random requests reach the hall's rules.
   */
  private void prepare() {
    server.post(city("windows/01/sign-in"), server.token("clerk1"), null);
    for (String w : List.of("01", "03")) {
      server.post(city("windows/" + w + "/open"), server.token("supervisor"), null);
      server.post(city("windows/" + w + "/resume"), server.token("supervisor"), null);
    }
    JsonObject ticket = server.issue("HH-CERT");
    tickets.add(ticket.getString("id"));
  }

  /** Ready, and a ticket goes from issue through call, start and finish at the control window. */
  private void hallStillServes(String when) {
    String seed = "seed " + SEED + ", " + when;
    assertThat(server.get("/ready", null).status()).as(seed).isEqualTo(200);
    HttpReply issued =
        server.post(
            city("tickets"), server.token("kiosk"), new JsonObject().put("matter", "HH-ID-RENEW"));
    assertThat(issued.status()).as("%s: issue %s", seed, issued).isEqualTo(201);
    String clerk = server.token("clerk2");
    HttpReply called = server.post(city("windows/02/call-next"), clerk, null);
    assertThat(called.status()).as("%s: call-next %s", seed, called).isEqualTo(200);
    assertThat(server.post(city("windows/02/start"), clerk, null).status()).as(seed).isEqualTo(200);
    HttpReply finished =
        server.post(city("windows/02/finish"), clerk, new JsonObject().put("outcome", "DONE"));
    assertThat(finished.status()).as("%s: finish %s", seed, finished).isEqualTo(200);
    for (String shown :
        List.of("/api/v1/halls/city/snapshot", city("windows/01"), city("waiting"))) {
      HttpReply r = server.get(shown, server.token("supervisor"));
      assertThat(ID_OR_PHONE.matcher(r.body()).find())
          .as("%s: %s shows an ID or phone number: %s", seed, shown, r)
          .isFalse();
    }
  }

  private String path(String template, Random random) {
    String ticket =
        tickets.isEmpty() || random.nextInt(5) == 0
            ? oneOf(random, "20260101-Z999", "x", "510903199001011238")
            : tickets.get(random.nextInt(tickets.size()));
    return template
        .replace("{hall}", random.nextInt(20) == 0 ? oneOf(random, "anju", "nowhere") : "city")
        .replace(
            "{window}",
            oneOf(random, "01", "01", "01", "03", "03", "99", "w%20x", "510903199001011238"))
        .replace("{ticket}", ticket)
        .replace("{username}", oneOf(random, "nobody", "clerk9", "510903199001011238", "a%20b"));
  }

  /**
   * The callers a route is for, so that most requests get past the guards to the bodies. Logging
   * out is only ever tried without a real token: it would end a session the run still needs.
   */
  private static List<String> callersFor(String route) {
    String action = route.substring(route.lastIndexOf('/') + 1);
    return switch (action) {
      case "login" -> Arrays.asList((String) null);
      case "logout" -> Arrays.asList(null, "-");
      case "tickets" -> Arrays.asList("kiosk", "guide", "supervisor", "admin", null);
      case "redirect", "green-channel", "cancel" -> List.of("guide", "supervisor", "admin");
      case "sign-out", "pause", "resume" -> List.of("clerk1", "supervisor", "admin");
      case "open", "close", "matters", "notice" -> List.of("supervisor", "admin");
      case "ratings" -> List.of("agent", "kiosk", "supervisor", "admin");
      case "offline-blocks", "offline-tickets" -> List.of("kiosk", "agent");
      default -> List.of("clerk1");
    };
  }

  private static String token(String caller) {
    return caller == null ? null : caller.equals("-") ? "no-such-token" : server.token(caller);
  }

  /** The body as sent, short and readable, for a failure message. */
  private static String shown(byte[] body) {
    if (body == null) {
      return "no body";
    }
    String text = new String(body, StandardCharsets.UTF_8);
    return text.length() > 300 ? text.substring(0, 300) + "... (" + body.length + " bytes)" : text;
  }

  @SafeVarargs
  private static <T> T oneOf(Random random, T... options) {
    return options[random.nextInt(options.length)];
  }
}
