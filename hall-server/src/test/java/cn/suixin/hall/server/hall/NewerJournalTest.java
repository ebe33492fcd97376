package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import cn.suixin.hall.server.codec.JournalFormat;
import cn.suixin.hall.server.codec.UnknownJournalFormatException;
import cn.suixin.hall.store.EmbeddedJournalStore;
import cn.suixin.hall.store.JournalEntry;
import cn.suixin.hall.store.LogCapture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A journal a newer server wrote on, read by this one (a rollback after an upgrade): the hall is
 * refused like a damaged one, but told apart from damage, and nothing in the journal changes.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class NewerJournalTest {
  private static final Instant AT = Instant.parse("2026-06-01T01:00:00Z");

  @TempDir Path dir;
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    await(vertx.close());
  }

  @Test
  void a_record_of_a_newer_format_version_keeps_the_hall_closed_and_says_why() throws Exception {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    byte[] newer =
        new JsonObject(
                new String(
                    JournalFormat.write(
                        new SequencedEvent(2, AT, new HallEvent.NoticeChanged("新版本的公告")), null),
                    StandardCharsets.UTF_8))
            .put("v", 2)
            .toBuffer()
            .getBytes();
    await(
        store
            .journal(Golden.HALL)
            .append(
                List.of(
                    new JournalEntry(
                        1,
                        JournalFormat.write(
                            new SequencedEvent(
                                1, AT, new HallEvent.BusinessDayStarted(LocalDate.of(2026, 6, 1))),
                            null)),
                    new JournalEntry(2, newer))));
    Path file = dir.resolve("journal").resolve(Golden.HALL + ".log");
    byte[] before = Files.readAllBytes(file);

    Throwable failure;
    try {
      await(
          vertx.deployVerticle(
              new HallVerticle(
                  Golden.config(),
                  store.journal(Golden.HALL),
                  store.snapshots(Golden.HALL),
                  50,
                  Clock.systemUTC(),
                  new SimpleMeterRegistry())));
      throw new AssertionError("the hall started on a journal it cannot read");
    } catch (ExecutionException e) {
      failure = e.getCause();
    }

    assertThat(failure).isInstanceOf(UnknownJournalFormatException.class);
    try (LogCapture log = LogCapture.of(RefusedHall.class)) {
      RefusedHall standIn = RefusedHall.after(Golden.HALL, failure);
      assertThat(standIn.reason())
          .contains("newer server", "format version 2 at seq 2", "reads up to 1")
          .doesNotContain("damaged");
      assertThat(log.lines())
          .anyMatch(
              line ->
                  line.contains("hall city refused to start") && line.contains("do not repair"));
    }
    await(store.close());
    assertThat(Files.readAllBytes(file)).as("nothing cut or changed").isEqualTo(before);
  }

  private static <T> T await(Future<T> f) throws Exception {
    return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }
}
