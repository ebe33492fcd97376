package cn.suixin.hall.store.redis;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A few kiosks taking tickets in many halls at a steady pace, as a morning in the city would,
 * remembering every ticket the server acknowledged (201) and what it answered otherwise.
 */
final class KioskLoad implements AutoCloseable {

  /** A ticket the server acknowledged, with when the kiosk got the answer. */
  record Ack(String hall, String ticket, String number, long atNanos) {}

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final int port;
  private final Map<String, String> kioskByHall;
  private final List<String> halls;
  private final List<Ack> acks = new ArrayList<>();
  private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
  private final AtomicInteger turn = new AtomicInteger();
  private final ScheduledExecutorService kiosks;

  KioskLoad(int port, Map<String, String> kioskByHall, int clients, Duration pause) {
    this.port = port;
    this.kioskByHall = Map.copyOf(kioskByHall);
    this.halls = List.copyOf(kioskByHall.keySet());
    this.kiosks = Executors.newScheduledThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      kiosks.scheduleWithFixedDelay(
          this::issueNext, i * 10L, pause.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Takes one ticket in a hall now, from the test thread; the answer is counted like the others'.
   */
  int issue(String hall) {
    try {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(
                      URI.create("http://127.0.0.1:" + port + "/api/v1/halls/" + hall + "/tickets"))
                  .timeout(Duration.ofSeconds(5))
                  .header("Authorization", "Bearer " + kioskByHall.get(hall))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"matter\":\"HH-ID-RENEW\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      count(
          r.statusCode()
              + (r.statusCode() == 503
                  ? " " + new JsonObject(r.body()).getString("messageEn")
                  : ""));
      if (r.statusCode() == 503 && r.headers().firstValue("Retry-After").isEmpty()) {
        count("503 without Retry-After");
      }
      if (r.statusCode() == 201) {
        JsonObject ticket = new JsonObject(r.body());
        synchronized (acks) {
          acks.add(
              new Ack(hall, ticket.getString("id"), ticket.getString("number"), System.nanoTime()));
        }
      }
      return r.statusCode();
    } catch (Exception e) {
      count("no answer: " + e.getClass().getSimpleName());
      return -1;
    }
  }

  private void issueNext() {
    issue(halls.get(Math.floorMod(turn.getAndIncrement(), halls.size())));
  }

  private void count(String answer) {
    answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
  }

  List<Ack> acks() {
    synchronized (acks) {
      return List.copyOf(acks);
    }
  }

  /** Whether every hall acknowledged a ticket after {@code sinceNanos}. */
  boolean everyHallAcknowledgedSince(long sinceNanos) {
    List<Ack> all = acks();
    return halls.stream()
        .allMatch(h -> all.stream().anyMatch(a -> a.hall().equals(h) && a.atNanos() > sinceNanos));
  }

  /** How many times each answer came: "201", "503 journal append failed", "no answer: ...". */
  Map<String, Integer> answers() {
    Map<String, Integer> copy = new java.util.TreeMap<>();
    answers.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  @Override
  public void close() throws InterruptedException {
    kiosks.shutdown();
    if (!kiosks.awaitTermination(30, TimeUnit.SECONDS)) {
      kiosks.shutdownNow();
    }
  }
}
