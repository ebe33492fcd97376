package cn.suixin.hall.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The display client's reducer tests in Node read a captured live feed of the city hall ({@code
 * display-client/src/test/js/fixtures/live-city.json}): a snapshot, then the messages of a clerk
 * signing in, a ticket issued and called, and the snapshot a screen connecting afterwards starts
 * from. This test captures the same scenario from a real server and fails when the committed
 * capture no longer has the shape the server sends, so the Node tests never run on messages the
 * server stopped sending. {@code -Dsuixin.fixtures.write=true} writes a fresh capture.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LiveFeedFixtureTest {
  static final Path FIXTURE =
      Path.of("..", "display-client", "src", "test", "js", "fixtures", "live-city.json");
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path data;

  @Test
  void the_committed_live_feed_of_the_node_tests_has_the_shape_the_server_sends()
      throws IOException {
    JsonObject captured = capture();
    if (Boolean.getBoolean("suixin.fixtures.write")) {
      Files.writeString(FIXTURE, captured.encodePrettily() + "\n", StandardCharsets.UTF_8);
    }
    JsonObject committed = new JsonObject(Files.readString(FIXTURE, StandardCharsets.UTF_8));
    assertThat(shape(committed))
        .as(
            "shape of %s; if the server's messages changed on purpose, rerun with -Dsuixin.fixtures.write=true",
            FIXTURE)
        .isEqualTo(shape(captured));
    assertThat(
            committed.getJsonArray("events").stream()
                .map(e -> ((JsonObject) e).getString("type"))
                .toList())
        .containsExactlyElementsOf(
            captured.getJsonArray("events").stream()
                .map(e -> ((JsonObject) e).getString("type"))
                .toList());
  }

  /**
   * A screen's view of: clerk1 signs in at window 03, the kiosk issues HH-ID-RENEW, 03 calls it.
   */
  private JsonObject capture() {
    try (ServerFixture server = ServerFixture.start(data);
        LiveClient screen = server.live("/api/v1/halls/city/live")) {
      JsonObject snapshot = screen.nextOfType("snapshot", WAIT);
      server.signIn("clerk1", "03");
      server.issue("HH-ID-RENEW");
      HttpReply call =
          server.post(ServerFixture.city("windows/03/call-next"), server.token("clerk1"), null);
      assertThat(call.status()).as(call.body()).isEqualTo(200);
      List<JsonObject> events = new ArrayList<>();
      JsonObject m;
      do {
        m = screen.next(WAIT);
        events.add(m);
      } while (!"ticket.called".equals(m.getString("type")));
      // what a screen that connects after the call starts from: the call is in its recent calls
      JsonObject later;
      try (LiveClient late = server.live("/api/v1/halls/city/live")) {
        later = late.nextOfType("snapshot", WAIT);
      }
      return new JsonObject()
          .put("snapshot", snapshot)
          .put("events", new JsonArray(new ArrayList<>(events)))
          .put("snapshotAfter", later);
    }
  }

  /**
   * Field names and value kinds, all the way down; the elements of an array as the set of their
   * shapes.
   */
  static Object shape(Object value) {
    if (value instanceof JsonObject o) {
      Map<String, Object> fields = new TreeMap<>();
      o.forEach(e -> fields.put(e.getKey(), shape(e.getValue())));
      return fields;
    }
    if (value instanceof JsonArray a) {
      TreeSet<String> elements = new TreeSet<>();
      a.forEach(e -> elements.add(String.valueOf(shape(e))));
      return List.copyOf(elements);
    }
    if (value == null) {
      return "null";
    }
    return value instanceof Number ? "number" : value.getClass().getSimpleName();
  }
}
