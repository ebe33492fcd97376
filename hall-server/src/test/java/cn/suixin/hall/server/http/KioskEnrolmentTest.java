package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kiosk PC is enrolled once with its device token and from then on is known by an HttpOnly
 * cookie; nothing about it sits in a page address. A change made with the cookie needs the kiosk
 * header, so no other site's page can make the kiosk issue tickets.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KioskEnrolmentTest {
  private static final String ENROL = city("kiosk/enrolment");
  private static final Map<String, String> KIOSK_HEADER = Map.of("X-Suixin-Kiosk", "1");

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

  private static HttpReply send(
      HttpMethod method, String path, String cookie, JsonObject body, Map<String, String> headers) {
    Map<String, String> all = new HashMap<>(headers);
    if (cookie != null) {
      all.put("Cookie", KioskCookie.NAME + "=" + cookie);
    }
    return ServerFixture.await(
        server.send(method, path, null, body == null ? null : body.toBuffer(), all));
  }

  private static HttpReply enrol(String token, Map<String, String> headers) {
    return send(HttpMethod.POST, ENROL, null, new JsonObject().put("token", token), headers);
  }

  @Test
  void the_kiosks_token_gives_the_browser_an_http_only_strict_cookie_and_no_token_in_any_address() {
    HttpReply r = enrol(server.token("kiosk"), KIOSK_HEADER);
    assertThat(r.status()).as(r.toString()).isEqualTo(200);
    assertThat(r.json().getString("kiosk")).isEqualTo("/halls/city/kiosk");
    assertThat(r.json().getString("device")).startsWith("kiosk-");
    List<String> cookies = r.headers().getAll("Set-Cookie");
    assertThat(cookies).hasSize(1);
    String cookie = cookies.get(0);
    assertThat(cookie).startsWith(KioskCookie.NAME + "=" + server.token("kiosk") + ";");
    // attribute names are case-insensitive (Netty writes HTTPOnly)
    assertThat(cookie.toLowerCase())
        .contains("; httponly", "; samesite=strict", "; path=/", "; max-age=")
        .doesNotContain("secure");
  }

  @Test
  void behind_an_https_proxy_the_cookie_is_secure() {
    Map<String, String> headers = new HashMap<>(KIOSK_HEADER);
    headers.put("X-Forwarded-Proto", "https");
    assertThat(enrol(server.token("kiosk"), headers).header("Set-Cookie").toLowerCase())
        .contains("; secure");
  }

  @Test
  void only_a_kiosk_of_this_hall_is_enrolled_and_a_refusal_sets_no_cookie() {
    record Case(String token, int status, String code) {}
    for (Case c :
        List.of(
            new Case(server.token("agent"), 403, "FORBIDDEN"),
            new Case(server.token("kioskAnju"), 403, "FORBIDDEN"),
            new Case(server.token("guide"), 403, "FORBIDDEN"),
            new Case("no-such-token", 401, "UNKNOWN_DEVICE_TOKEN"))) {
      HttpReply r = enrol(c.token(), KIOSK_HEADER);
      assertThat(r.status()).as(r.toString()).isEqualTo(c.status());
      assertThat(r.code()).isEqualTo(c.code());
      assertThat(r.json().getString("message")).isNotBlank();
      assertThat(r.json().getString("messageEn")).isNotBlank();
      assertThat(r.header("Set-Cookie")).isNull();
    }
    HttpReply noToken = send(HttpMethod.POST, ENROL, null, new JsonObject(), KIOSK_HEADER);
    assertThat(noToken.status()).isEqualTo(400);
    assertThat(noToken.json().getString("field")).isEqualTo("token");
  }

  @Test
  void enrolment_without_the_kiosk_header_is_refused_as_a_cross_site_form_would_send_it() {
    HttpReply r = enrol(server.token("kiosk"), Map.of());
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().getString("header")).isEqualTo("X-Suixin-Kiosk");
    assertThat(r.header("Set-Cookie")).isNull();
  }

  @Test
  void the_cookie_says_which_kiosk_the_browser_is_and_without_it_the_kiosk_is_not_enrolled() {
    HttpReply me = send(HttpMethod.GET, ENROL, server.token("kiosk"), null, Map.of());
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.json().getString("hall")).isEqualTo("city");
    HttpReply none = send(HttpMethod.GET, ENROL, null, null, Map.of());
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.code()).isEqualTo("KIOSK_NOT_ENROLLED");
    assertThat(none.json().getString("message")).contains("未登记的取号机");
  }

  @Test
  void the_enrolled_kiosk_issues_tickets_with_its_cookie_and_the_kiosk_header() {
    HttpReply r =
        send(
            HttpMethod.POST,
            city("tickets"),
            server.token("kiosk"),
            new JsonObject().put("matter", "HH-CERT"),
            KIOSK_HEADER);
    assertThat(r.status()).as(r.toString()).isEqualTo(201);
    assertThat(r.json().getString("source")).isEqualTo("KIOSK");
  }

  @Test
  void a_cookie_without_the_kiosk_header_changes_nothing() {
    long before = server.seq();
    HttpReply r =
        send(
            HttpMethod.POST,
            city("tickets"),
            server.token("kiosk"),
            new JsonObject().put("matter", "HH-CERT"),
            Map.of());
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().getString("header")).isEqualTo("X-Suixin-Kiosk");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void a_stale_cookie_still_reads_public_data_but_issues_nothing_not_even_a_phone_ticket() {
    assertThat(send(HttpMethod.GET, city(""), "removed-device-token", null, Map.of()).status())
        .isEqualTo(200);
    long before = server.seq();
    HttpReply r =
        send(
            HttpMethod.POST,
            city("tickets"),
            "removed-device-token",
            new JsonObject().put("matter", "HH-CERT"),
            KIOSK_HEADER);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.code()).isEqualTo("KIOSK_NOT_ENROLLED");
    assertThat(server.seq()).isEqualTo(before);
  }

  @Test
  void a_persons_session_token_is_never_accepted_from_the_cookie() {
    long before = server.seq();
    HttpReply r =
        send(
            HttpMethod.POST,
            city("notice"),
            server.token("supervisor"),
            new JsonObject().put("text", "x"),
            KIOSK_HEADER);
    assertThat(r.status()).isEqualTo(401);
    assertThat(server.seq()).isEqualTo(before);
    assertThat(send(HttpMethod.GET, ENROL, server.token("supervisor"), null, Map.of()).status())
        .isEqualTo(401);
  }

  @Test
  void the_kiosk_page_renews_the_cookie_it_came_with_and_sets_none_for_a_browser_without() {
    HttpReply page =
        send(HttpMethod.GET, "/halls/city/kiosk", server.token("kiosk"), null, Map.of());
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.header("Set-Cookie").toLowerCase()).contains("; httponly", "; max-age=");
    assertThat(send(HttpMethod.GET, "/halls/city/kiosk", null, null, Map.of()).header("Set-Cookie"))
        .isNull();
    assertThat(send(HttpMethod.GET, "/halls/city/kiosk/enrol", null, null, Map.of()).status())
        .isEqualTo(200);
  }

  @Test
  void the_old_device_address_gives_no_identity() {
    HttpReply r =
        ServerFixture.await(
            server.send(
                HttpMethod.GET,
                city("kiosk/enrolment") + "?device=" + server.token("kiosk"),
                null,
                (Buffer) null,
                Map.of()));
    assertThat(r.status()).isEqualTo(401);
  }
}
