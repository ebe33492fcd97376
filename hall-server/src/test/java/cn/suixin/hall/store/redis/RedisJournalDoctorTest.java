package cn.suixin.hall.store.redis;

import static cn.suixin.hall.store.redis.Await.await;
import static cn.suixin.hall.store.redis.Journals.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.store.FencedOffException;
import cn.suixin.hall.store.FixtureEvents;
import cn.suixin.hall.store.HallJournal;
import cn.suixin.hall.store.JournalDamage;
import cn.suixin.hall.store.JournalEntry;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("journal check and repair on a hall's Redis stream")
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RedisJournalDoctorTest {

  @TempDir Path dir;

  @Test
  void a_flipped_event_is_found_and_replaced_by_a_marker_under_a_fencing_token_of_its_own(
      Vertx vertx) throws Exception {
    try (RedisProcess redis = RedisProcess.inMemory(dir)) {
      RedisJournalStore store = RedisJournalStore.create(vertx, redis.uri());
      HallJournal journal = store.journal("city");
      await(store.acquire("city", "node-1"));
      await(journal.append(entries(1, 10, "w")));
      StreamSurgery.change(redis.uri(), "city", 4, StreamSurgery::flipped);

      try (RedisJournalDoctor doctor =
          new RedisJournalDoctor(vertx, redis.uri(), new FixtureEvents())) {
        List<JournalDamage> damages = doctor.examine("city").damages();
        assertThat(damages)
            .singleElement()
            .satisfies(
                d -> {
                  assertThat(d.firstSeq()).isEqualTo(4);
                  assertThat(d.resumesAtSeq()).isEqualTo(5);
                  assertThat(d.problem()).contains("entry 4-0", "fails its checksum");
                });
        assertThat(String.join("\n", doctor.repair("city", 4)))
            .contains("fencing token 2", "before-repair-");
        assertThat(doctor.examine("city").damaged()).isFalse();
      }

      List<JournalEntry> expected = new ArrayList<>(entries(1, 10, "w"));
      expected.set(3, new JournalEntry(4, FixtureEvents.marker(4, 3, 5)));
      assertThat(await(store.journal("city").readFrom(1, 100))).isEqualTo(expected);
      assertThat(redis.command("KEYS", "{hall:city}:events:before-repair-*"))
          .as("the stream as it was, kept")
          .isEqualTo("*1");
      assertThatThrownBy(() -> await(store.journal("city").append(entries(11, 1, "old owner"))))
          .as("a writer from before the repair")
          .hasCauseInstanceOf(FencedOffException.class);
      await(store.close());
    }
  }

  @Test
  void a_missing_entry_is_filled_with_a_marker_of_its_seq(Vertx vertx) throws Exception {
    try (RedisProcess redis = RedisProcess.inMemory(dir)) {
      RedisJournalStore store = RedisJournalStore.create(vertx, redis.uri());
      await(store.acquire("city", "node-1"));
      await(store.journal("city").append(entries(1, 6, "w")));
      StreamSurgery.change(redis.uri(), "city", 3, entry -> null);

      try (RedisJournalDoctor doctor =
          new RedisJournalDoctor(vertx, redis.uri(), new FixtureEvents())) {
        assertThatThrownBy(() -> doctor.repair("city", 5))
            .hasMessageContaining("no damage at seq 5");
        doctor.repair("city", 3);
      }

      List<JournalEntry> expected = new ArrayList<>(entries(1, 6, "w"));
      expected.set(2, new JournalEntry(3, FixtureEvents.marker(3, 2, 4)));
      assertThat(await(store.journal("city").readFrom(1, 100))).isEqualTo(expected);
      await(store.close());
    }
  }
}
