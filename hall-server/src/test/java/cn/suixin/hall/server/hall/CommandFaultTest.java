package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.config.ConfigLoader;
import cn.suixin.hall.engine.config.HallConfig;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One hall owner over a real embedded journal, fed batches of commands of which one meets an
 * unexpected exception. That command alone is refused (400 when it could not be read, 500 when
 * deciding it failed); the others of its batch are answered as usual and the owner goes on. The
 * batch is made by holding the journal's append of an opening command until all have arrived.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandFaultTest {
  private static final HallConfig CITY =
      new ConfigLoader()
          .load(Path.of("..", "config")).halls().stream()
              .filter(h -> h.id().value().equals("city"))
              .findFirst()
              .orElseThrow()
              .alwaysOpen();
  private static final DeliveryOptions PATIENCE = new DeliveryOptions().setSendTimeout(10_000);

  @TempDir Path dir;
  private Vertx vertx;
  private HeldJournal journal;
  private final FailingClock clock = new FailingClock();
  private final AtomicInteger delivered = new AtomicInteger();
  private int notices;

  @BeforeEach
  void start() throws Exception {
    vertx = Vertx.vertx();
    vertx
        .eventBus()
        .addInboundInterceptor(
            dc -> {
              dc.next();
              if (dc.message().address().equals(Addresses.commands("city"))) {
                delivered.incrementAndGet();
              }
            });
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    journal = new HeldJournal(store.journal("city"));
    result(
        vertx.deployVerticle(
            new HallVerticle(
                CITY, journal, store.snapshots("city"), 0, clock, new SimpleMeterRegistry())));
  }

  @AfterEach
  void stop() throws Exception {
    result(vertx.close());
  }

  @Test
  void a_command_that_cannot_be_read_gets_400_and_the_rest_of_its_batch_is_decided()
      throws Exception {
    String first = number(send(issue()));
    List<JsonObject> replies =
        inOneBatch(
            () -> {},
            issue(),
            new JsonObject()
                .put("type", "finish")
                .put("window", "07")
                .put("outcome", "PENDING_MATERIALS")
                .put("missingMaterials", "营业执照")
                .put("dueDate", "2030-01-01"),
            new JsonObject()
                .put("type", "admit-offline")
                .put("device", "k1")
                .put("block", 1)
                .put("tickets", new JsonArray().add("a")),
            issue());
    assertThat(replies.get(0).getBoolean("ok")).as(replies.get(0).encode()).isTrue();
    assertThat(replies.get(1).getString("code")).as(replies.get(1).encode()).isEqualTo("BAD_FIELD");
    assertThat(replies.get(2).getString("code")).as(replies.get(2).encode()).isEqualTo("BAD_FIELD");
    assertThat(replies.get(2).getString("field")).isEqualTo("tickets[0]");
    assertThat(replies.get(3).getBoolean("ok")).as(replies.get(3).encode()).isTrue();
    assertThat(List.of(number(replies.get(0)), number(replies.get(3))))
        .containsExactly(after(first, 1), after(first, 2));
    assertThat(journal.batchSizes().get(journal.batchSizes().size() - 1))
        .as("the two tickets were written in one batch")
        .isEqualTo(2);
  }

  @Test
  void a_command_that_is_not_a_json_object_gets_400() throws Exception {
    JsonObject reply =
        result(vertx.eventBus().<JsonObject>request(Addresses.commands("city"), "issue", PATIENCE))
            .body();
    assertThat(reply.getString("code")).as(reply.encode()).isEqualTo("BAD_FIELD");
    send(issue());
  }

  @Test
  void a_command_whose_deciding_fails_before_the_engine_runs_gets_500_and_the_others_succeed()
      throws Exception {
    long perIssue = readingsPerIssue();
    List<JsonObject> replies =
        inOneBatch(() -> clock.failReading(perIssue + 1), issue(), issue(), issue());
    assertFailedInTheMiddle(replies);
  }

  @Test
  void a_command_that_fails_after_the_engine_applied_it_gets_500_and_leaves_no_trace()
      throws Exception {
    long perIssue = readingsPerIssue();
    assertThat(perIssue)
        .as("the live message reads the clock after the engine applied the events")
        .isGreaterThan(1);
    List<JsonObject> replies;
    try (LogCapture log = LogCapture.of(CommandDecider.class)) {
      replies =
          inOneBatch(
              () -> clock.failReading(2 * perIssue),
              issue().put("personHash", "ph-3f9a-1"),
              issue().put("personHash", "ph-3f9a-2"),
              issue().put("personHash", "ph-3f9a-3"));
      assertThat(log.lines())
          .anyMatch(
              line ->
                  line.contains("hall city")
                      && line.contains("(issue)")
                      && line.contains("at seq ")
                      && line.contains("IllegalStateException"));
      assertThat(log.lines())
          .noneMatch(line -> line.contains("ph-3f9a") || line.contains("on purpose"));
    }
    assertFailedInTheMiddle(replies);
    JsonObject snapshot = query(new JsonObject().put("type", "snapshot"));
    assertThat(snapshot.getLong("seq"))
        .as("the state is the journal's, no more")
        .isEqualTo(result(journal.lastSeq()));
  }

  /** The first and third tickets are issued back to back; the second left nothing behind. */
  private void assertFailedInTheMiddle(List<JsonObject> replies) throws Exception {
    assertThat(clock.failures()).isEqualTo(1);
    assertThat(replies.get(0).getBoolean("ok")).as(replies.get(0).encode()).isTrue();
    assertThat(replies.get(1).getString("code")).as(replies.get(1).encode()).isEqualTo("INTERNAL");
    assertThat(replies.get(1).getString("messageEn")).isNotBlank();
    assertThat(replies.get(2).getBoolean("ok")).as(replies.get(2).encode()).isTrue();
    assertThat(number(replies.get(2))).isEqualTo(after(number(replies.get(0)), 1));
    assertThat(number(send(issue())))
        .as("and the hall goes on")
        .isEqualTo(after(number(replies.get(0)), 2));
  }

  /** Clock readings one ticket takes once the business day has started. */
  private long readingsPerIssue() throws Exception {
    send(issue());
    long before = clock.readings();
    send(issue());
    return clock.readings() - before;
  }

  /**
   * Holds the journal's append of an opening command, then sends {@code commands}; once all have
   * reached the owner, lets the append through, so they are decided in the batch after it.
   */
  private List<JsonObject> inOneBatch(Runnable beforeSending, JsonObject... commands)
      throws Exception {
    journal.hold();
    Future<Message<JsonObject>> opening =
        request(new JsonObject().put("type", "set-notice").put("text", "batch " + ++notices));
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> journal.waitingAppends() == 1);
    beforeSending.run();
    int base = delivered.get();
    List<Future<Message<JsonObject>>> sent = new ArrayList<>();
    for (JsonObject c : commands) {
      sent.add(request(c));
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> delivered.get() == base + commands.length);
    journal.release();
    assertThat(result(opening).body().getBoolean("ok")).isTrue();
    List<JsonObject> replies = new ArrayList<>();
    for (Future<Message<JsonObject>> f : sent) {
      replies.add(result(f).body());
    }
    return replies;
  }

  private Future<Message<JsonObject>> request(JsonObject command) {
    return vertx.eventBus().request(Addresses.commands("city"), command, PATIENCE);
  }

  private JsonObject send(JsonObject command) throws Exception {
    JsonObject reply = result(request(command)).body();
    assertThat(reply.getBoolean("ok")).as(reply.encode()).isTrue();
    return reply;
  }

  private JsonObject query(JsonObject q) throws Exception {
    return result(vertx.eventBus().<JsonObject>request(Addresses.queries("city"), q, PATIENCE))
        .body()
        .getJsonObject("result");
  }

  private static JsonObject issue() {
    return new JsonObject().put("type", "issue").put("matter", "EE-PASSPORT");
  }

  private static String number(JsonObject reply) {
    return reply.getJsonObject("result").getJsonObject("ticket").getString("number");
  }

  /** The number {@code n} places after {@code number} in the same series (A007 -> A009). */
  private static String after(String number, int n) {
    String digits = number.replaceAll("\\D", "");
    return number.substring(0, number.length() - digits.length())
        + String.format("%0" + digits.length() + "d", Integer.parseInt(digits) + n);
  }

  private static <T> T result(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
