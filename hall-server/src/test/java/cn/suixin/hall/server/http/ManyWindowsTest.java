package cn.suixin.hall.server.http;

import static cn.suixin.hall.server.http.ServerFixture.city;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.server.auth.Role;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Twelve windows calling at once, over HTTP, against one hall owner: every ticket is called exactly
 * once, never at two windows, and the counts add up.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ManyWindowsTest {
  private static final int TICKETS = 300;

  /** Matters several of windows 01-12 serve, so the windows compete for the same queues. */
  private static final List<String> MATTERS =
      List.of(
          "HH-ID-RENEW",
          "HH-CERT",
          "HH-BIRTH",
          "EE-PASSPORT",
          "EE-HKMO-PERMIT",
          "TL-RENEW",
          "PO-NO-RECORD");

  @TempDir static Path data;
  static ServerFixture server;
  static final List<String> WINDOWS = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = ServerFixture.start(data);
    List<String> clerks = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      WINDOWS.add(String.format("%02d", i));
      clerks.add("w" + i);
    }
    server.addUsers(Role.CLERK, ServerFixture.HALL, clerks);
    for (int i = 0; i < 12; i++) {
      server.signIn(clerks.get(i), WINDOWS.get(i));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void twelve_clerks_calling_in_parallel_call_each_of_300_tickets_exactly_once() {
    List<Future<HttpReply>> issues = new ArrayList<>();
    for (int i = 0; i < TICKETS; i++) {
      issues.add(
          server.postAsync(
              city("tickets"),
              server.token("kiosk"),
              new JsonObject().put("matter", MATTERS.get(i % MATTERS.size()))));
    }
    ServerFixture.await(Future.all(issues), 60);
    Set<String> issued = ConcurrentHashMap.newKeySet();
    for (Future<HttpReply> f : issues) {
      assertThat(f.result().status()).as(f.result().toString()).isEqualTo(201);
      issued.add(f.result().json().getString("id"));
    }
    assertThat(issued).hasSize(TICKETS);

    Map<String, String> calledAt = new ConcurrentHashMap<>();
    List<String> doubles = new ArrayList<>();
    Map<String, AtomicInteger> perWindow = new ConcurrentHashMap<>();
    List<Future<Void>> clerks = new ArrayList<>();
    for (int i = 0; i < WINDOWS.size(); i++) {
      String window = WINDOWS.get(i);
      perWindow.put(window, new AtomicInteger());
      clerks.add(
          serveUntilNobodyWaits(
              server.token("w" + (i + 1)), window, calledAt, doubles, perWindow.get(window)));
    }
    // generous: on a busy two-core machine 900 serving requests can take a while
    ServerFixture.await(Future.all(clerks), 120);

    assertThat(doubles).as("tickets called twice").isEmpty();
    assertThat(calledAt.keySet()).as("every ticket called").isEqualTo(issued);
    assertThat(perWindow.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(TICKETS);
    assertThat(perWindow.values())
        .as("the windows shared the work: %s", perWindow)
        .filteredOn(c -> c.get() > 0)
        .hasSizeGreaterThan(6);

    JsonObject waiting = server.get(city("waiting"), server.token("supervisor")).json();
    JsonArray matters = waiting.getJsonArray("matters");
    for (int i = 0; i < matters.size(); i++) {
      assertThat(matters.getJsonObject(i).getInteger("waiting", 0))
          .as(matters.getJsonObject(i).encode())
          .isZero();
    }
    for (String id : List.of(issued.iterator().next())) {
      JsonObject t = server.get(city("tickets/" + id), server.token("supervisor")).json();
      assertThat(t.getString("status")).isEqualTo("FINISHED");
      assertThat(t.getString("window")).isEqualTo(calledAt.get(id));
    }
  }

  /** One clerk's loop: call, start, finish, until the window hears 204. */
  private static Future<Void> serveUntilNobodyWaits(
      String token,
      String window,
      Map<String, String> calledAt,
      List<String> doubles,
      AtomicInteger served) {
    String base = city("windows/" + window + "/");
    return server
        .postAsync(base + "call-next", token, null)
        .compose(
            call -> {
              if (call.status() == 204) {
                return Future.succeededFuture();
              }
              if (call.status() != 200) {
                return Future.failedFuture(new AssertionError(window + " call-next: " + call));
              }
              String ticket = call.json().getJsonObject("ticket").getString("id");
              String earlier = calledAt.putIfAbsent(ticket, window);
              if (earlier != null) {
                synchronized (doubles) {
                  doubles.add(ticket + " at " + earlier + " and " + window);
                }
              }
              served.incrementAndGet();
              return server
                  .postAsync(base + "start", token, null)
                  .compose(r -> expect200(window, "start", r))
                  .compose(
                      v ->
                          server.postAsync(
                              base + "finish", token, new JsonObject().put("outcome", "DONE")))
                  .compose(r -> expect200(window, "finish", r))
                  .compose(v -> serveUntilNobodyWaits(token, window, calledAt, doubles, served));
            });
  }

  private static Future<Void> expect200(String window, String step, HttpReply r) {
    return r.status() == 200
        ? Future.succeededFuture()
        : Future.failedFuture(new AssertionError(window + " " + step + ": " + r));
  }
}
