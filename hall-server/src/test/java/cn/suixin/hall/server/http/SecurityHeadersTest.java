package cn.suixin.hall.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * Every answer of the server, page, asset, API reply or error, tells the browser not to frame it,
 * not to sniff it, not to pass its address on, and which sources its page may load.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SecurityHeadersTest {
  @TempDir static Path data;
  static ServerFixture server;
  static String ticket;

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    ticket = server.issue("HH-CERT").getString("id");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> every_registered_route_answers_with_the_security_headers() {
    return RegisteredRoutes.all().stream()
        .map(
            e ->
                DynamicTest.dynamicTest(
                    e.toString(),
                    () -> {
                      String path =
                          e.path()
                              .replace("{hall}", ServerFixture.HALL)
                              .replace("{window}", "01")
                              .replace("{ticket}", ticket);
                      Buffer body = e.method() == HttpMethod.POST ? Buffer.buffer("{}") : null;
                      HttpReply r =
                          ServerFixture.await(server.send(e.method(), path, null, body, Map.of()));
                      assertCarriesHeaders(e + " answered " + r.status(), r);
                    }));
  }

  @Test
  void an_asset_carries_them() {
    HttpReply r = server.get("/assets/js/page.js", null);
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.header("Content-Type")).contains("javascript");
    assertCarriesHeaders("asset", r);
  }

  @Test
  void a_404_of_the_api_and_of_the_pages_carries_them() {
    HttpReply api = server.get("/api/v1/no-such-thing", null);
    assertThat(api.status()).isEqualTo(404);
    assertCarriesHeaders("API 404", api);
    HttpReply page = server.get("/no-such-page", null);
    assertThat(page.status()).isEqualTo(404);
    assertCarriesHeaders("page 404", page);
  }

  @Test
  void a_405_carries_them() {
    HttpReply r = server.get("/api/v1/auth/login", null);
    assertThat(r.status()).isEqualTo(405);
    assertCarriesHeaders("405", r);
  }

  @Test
  void a_401_carries_them() {
    HttpReply r = server.post(ServerFixture.city("notice"), "no-such-token", null);
    assertThat(r.status()).isEqualTo(401);
    assertCarriesHeaders("401", r);
  }

  @Test
  void a_400_from_the_failure_handler_carries_them() {
    HttpReply r = server.postRaw(ServerFixture.city("tickets"), server.token("kiosk"), "{not json");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.isProblem()).isTrue();
    assertCarriesHeaders("400", r);
  }

  @Test
  void a_request_the_http_layer_refuses_before_any_route_carries_them() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      // a header block larger than the server accepts: answered by Vert.x core, not the router
      out.write(
          ("GET /city HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
      assertThat(head).startsWith("HTTP/1.1 431");
      for (String name : SecurityHeaders.all().keySet()) {
        assertThat(head.toLowerCase()).as(name).contains(name.toLowerCase() + ": ");
      }
    }
  }

  @Test
  void the_policy_forbids_framing_inline_script_and_other_origins() {
    String csp = server.get("/halls/city/clerk", null).header("Content-Security-Policy");
    assertThat(csp)
        .contains(
            "frame-ancestors 'none'",
            "script-src 'self'",
            "style-src 'self'",
            "default-src 'none'",
            "connect-src 'self'");
    assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "*");
  }

  private static void assertCarriesHeaders(String what, HttpReply r) {
    assertThat(r.header("Content-Security-Policy")).as(what).isEqualTo(SecurityHeaders.CSP);
    assertThat(r.header("X-Frame-Options")).as(what).isEqualTo("DENY");
    assertThat(r.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    assertThat(r.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    assertThat(r.header("Permissions-Policy")).as(what).contains("camera=()", "microphone=()");
    assertThat(r.header("Cross-Origin-Opener-Policy")).as(what).isEqualTo("same-origin");
  }
}
