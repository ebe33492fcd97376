package cn.suixin.hall.store;

import static cn.suixin.hall.store.JournalFixtures.entries;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(VertxExtension.class)
@DisplayName("The embedded store of a data folder")
class EmbeddedJournalStoreTest {

  @TempDir Path dir;

  @Test
  @DisplayName("keeps one journal file per hall and the records beside them")
  void lays_out_the_data_folder(Vertx vertx, VertxTestContext testContext) {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    HallJournal city = store.journal("city");
    testContext.verify(() -> assertThat(store.journal("city")).isSameAs(city));
    city.append(entries(1, 2))
        .compose(v -> store.journal("chuanshan").append(entries(1, 1)))
        .compose(v -> store.records().put("users", "li", new JsonObject().put("role", "clerk")))
        .compose(v -> store.close())
        .onComplete(
            testContext.succeeding(
                v ->
                    testContext.verify(
                        () -> {
                          assertThat(dir.resolve("journal/city.log")).isRegularFile();
                          assertThat(dir.resolve("journal/chuanshan.log")).isRegularFile();
                          assertThat(Files.size(dir.resolve("records.log"))).isPositive();
                          testContext.completeNow();
                        })));
  }

  @Test
  @DisplayName("reopens a hall's journal that was closed, for rebuilding the hall")
  void reopens_a_closed_journal(Vertx vertx, VertxTestContext testContext) {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    HallJournal first = store.journal("city");
    first
        .append(entries(1, 3))
        .compose(v -> first.close())
        .compose(
            v -> {
              HallJournal second = store.journal("city");
              testContext.verify(() -> assertThat(second).isNotSameAs(first));
              return second.append(entries(4, 1)).compose(w -> second.lastSeq());
            })
        .compose(
            last -> {
              testContext.verify(() -> assertThat(last).isEqualTo(4L));
              return store.close();
            })
        .onComplete(testContext.succeedingThenComplete());
  }

  @Test
  @DisplayName("refuses a hall id that is not a plain file name")
  void refuses_path_like_hall_ids(Vertx vertx) {
    EmbeddedJournalStore store = new EmbeddedJournalStore(vertx, dir);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.journal("../etc"))
        .isInstanceOf(IllegalArgumentException.class);
    store.close();
  }
}
