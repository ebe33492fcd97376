package cn.suixin.hall.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.suixin.hall.server.web.SocketTimeouts;
import io.vertx.core.http.WebSocketFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connections that will never be used again are closed: a request never finished, one trickled in a
 * byte at a time, a kept-alive connection left idle, an upgrade never completed, a WebSocket
 * message begun and never ended, a live screen that stopped answering pings. A healthy screen that
 * only listens stays open. Timeouts are set small here; each test awaits the close within a bound
 * and asserts nothing about how fast it came.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SocketTimeoutsTest {
  private static final Map<String, String> SMALL =
      Map.of(
          "suixin.http.idle",
          "6",
          "suixin.http.request",
          "1",
          "suixin.ws.ping",
          "0.3",
          "suixin.ws.fragment",
          "1");

  /** Far longer than any of the timeouts: a connection still open by then is never closed. */
  private static final Duration BOUND = Duration.ofSeconds(15);

  @TempDir static Path data;
  static ServerFixture server;

  @BeforeAll
  static void start() {
    SMALL.forEach(System::setProperty);
    try {
      server = ServerFixture.start(data);
      // the day's first ticket starts the business day, whose fresh snapshot would stand in for its
      // event
      server.issue("HH-CERT");
    } finally {
      // read once as the HTTP face starts; later servers in this JVM get the defaults again
      SMALL.keySet().forEach(System::clearProperty);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void a_request_whose_head_never_ends_is_closed() throws IOException {
    try (Socket socket = connect()) {
      write(socket, "GET /city HTTP/1.1\r\nHost: 127.0.0.1\r\n");
      assertClosedByServer(socket);
    }
  }

  @Test
  void a_request_trickled_in_a_byte_at_a_time_is_closed_although_it_is_never_silent()
      throws Exception {
    ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
    try (Socket socket = connect()) {
      write(socket, "GET /city HTTP/1.1\r\nX-Slow: ");
      OutputStream out = socket.getOutputStream();
      // a byte every 200 ms: never idle for the read-idle timeout
      trickle.scheduleAtFixedRate(
          () -> {
            try {
              out.write('a');
              out.flush();
            } catch (IOException closed) {
              throw new IllegalStateException(closed);
            }
          },
          0,
          200,
          TimeUnit.MILLISECONDS);
      assertClosedByServer(socket);
    } finally {
      trickle.shutdownNow();
    }
  }

  @Test
  void a_request_body_that_never_arrives_is_closed() throws IOException {
    try (Socket socket = connect()) {
      write(
          socket,
          "POST /api/v1/halls/city/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
              + "Content-Length: 100\r\n\r\n{\"matter\":");
      assertClosedByServer(socket);
    }
  }

  @Test
  void an_upgrade_request_never_completed_is_closed() throws IOException {
    try (Socket socket = connect()) {
      write(
          socket,
          "GET /api/v1/halls/city/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n");
      assertClosedByServer(socket);
    }
  }

  @Test
  void a_kept_alive_connection_left_idle_after_its_request_is_closed() throws IOException {
    try (Socket socket = connect()) {
      write(socket, "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      String answer = readUntil(socket.getInputStream(), "\"UP\"");
      assertThat(answer).startsWith("HTTP/1.1 200");
      assertClosedByServer(socket);
    }
  }

  @Test
  void a_websocket_message_begun_and_never_finished_is_closed_with_1008() {
    try (LiveClient screen = server.live("/api/v1/halls/city/live")) {
      screen.nextOfType("snapshot", BOUND);
      screen.writeFrame(WebSocketFrame.textFrame("{\"type\":", false));
      // the client still answers every ping meanwhile: only the unfinished message closes it
      assertThat(screen.awaitClose(BOUND)).isEqualTo((short) 1008);
    }
  }

  @Test
  void a_websocket_message_larger_than_the_limit_is_closed() {
    try (LiveClient screen = server.live("/api/v1/halls/city/live")) {
      screen.nextOfType("snapshot", BOUND);
      String part = "x".repeat(16 * 1024);
      screen.writeFrame(WebSocketFrame.textFrame("{\"type\":\"" + part, false));
      for (int i = 0; i < 4; i++) {
        screen.writeFrame(
            WebSocketFrame.continuationFrame(io.vertx.core.buffer.Buffer.buffer(part), false));
      }
      assertThat(screen.awaitClose(BOUND)).isIn((short) 1009, (short) 4400);
    }
  }

  @Test
  void a_live_screen_that_stops_answering_pings_is_closed() throws IOException {
    try (Socket socket = connect()) {
      write(
          socket,
          "GET /api/v1/halls/city/live HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
              + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
      assertThat(readUntil(socket.getInputStream(), "\r\n\r\n")).startsWith("HTTP/1.1 101");
      // it reads the snapshot and the pings, and never writes a pong
      assertClosedByServer(socket);
    }
  }

  @Test
  void a_healthy_live_screen_that_only_listens_stays_open_across_many_idle_periods() {
    try (LiveClient screen = server.live("/api/v1/halls/city/live")) {
      screen.nextOfType("snapshot", BOUND);
      await()
          .during(Duration.ofSeconds(6))
          .atMost(Duration.ofSeconds(10))
          .until(() -> !screen.isClosed());
      server.issue("HH-CERT");
      assertThat(screen.nextOfType("ticket.issued", BOUND).getString("matter"))
          .isEqualTo("HH-CERT");
    }
  }

  @Test
  void the_timeouts_refuse_a_ping_no_shorter_than_the_idle_timeout() {
    System.setProperty("suixin.ws.ping", "90");
    try {
      org.assertj.core.api.Assertions.assertThatThrownBy(SocketTimeouts::fromSystemProperties)
          .hasMessageContaining("suixin.ws.ping")
          .hasMessageContaining("suixin.http.idle");
    } finally {
      System.clearProperty("suixin.ws.ping");
    }
  }

  private static Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", server.port());
    socket.setSoTimeout((int) BOUND.toMillis());
    return socket;
  }

  private static void write(Socket socket, String text) throws IOException {
    socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
    socket.getOutputStream().flush();
  }

  /** Reads what the server sends until it closes; fails if it is still open after the bound. */
  private static void assertClosedByServer(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    long deadline = System.nanoTime() + BOUND.toNanos();
    byte[] buffer = new byte[4096];
    while (System.nanoTime() < deadline) {
      try {
        if (in.read(buffer) < 0) {
          return;
        }
      } catch (SocketTimeoutException stillOpen) {
        break;
      } catch (IOException reset) {
        return; // closed with a reset: closed all the same
      }
    }
    throw new AssertionError("the server kept the connection open for " + BOUND);
  }

  private static String readUntil(InputStream in, String marker) throws IOException {
    StringBuilder text = new StringBuilder();
    while (text.indexOf(marker) < 0) {
      int b = in.read();
      if (b < 0) {
        throw new AssertionError("closed before " + marker + ": " + text);
      }
      text.append((char) b);
    }
    return text.toString();
  }
}
