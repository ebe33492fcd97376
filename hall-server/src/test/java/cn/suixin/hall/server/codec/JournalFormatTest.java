package cn.suixin.hall.server.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.suixin.hall.engine.HallEvent;
import cn.suixin.hall.engine.SequencedEvent;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JournalFormatTest {
  private static final SequencedEvent NOTICE =
      new SequencedEvent(
          7, Instant.parse("2026-06-01T01:00:00Z"), new HallEvent.NoticeChanged("今日下午停止取号"));

  @Test
  void every_record_says_the_format_version_it_was_written_in() {
    JsonObject written = json(JournalFormat.write(NOTICE, new JsonObject().put("idem", "k1")));

    assertThat(written.getInteger("v")).isEqualTo(JournalFormat.VERSION).isEqualTo(1);
    assertThat(written.getJsonObject("meta").getString("idem")).isEqualTo("k1");
    JournalFormat.Read read = JournalFormat.read(JournalFormat.write(NOTICE, null));
    assertThat(read.event()).isEqualTo(NOTICE);
    assertThat(read.meta()).isNull();
  }

  @Test
  void a_record_written_before_versions_existed_reads_as_version_1() {
    byte[] old = EventCodec.toBuffer(NOTICE, new JsonObject().put("idem", "k1")).getBytes();
    assertThat(json(old).containsKey("v")).isFalse();

    JournalFormat.Read read = JournalFormat.read(old);

    assertThat(read.event()).isEqualTo(NOTICE);
    assertThat(read.meta().getString("idem")).isEqualTo("k1");
  }

  @Test
  void a_record_of_a_newer_version_is_refused_saying_which_versions_this_server_reads() {
    byte[] newer =
        json(JournalFormat.write(NOTICE, null)).put("v", 2).put("text", 42).toBuffer().getBytes();

    assertThatThrownBy(() -> JournalFormat.read(newer))
        .isInstanceOfSatisfying(
            UnknownJournalFormatException.class,
            e -> {
              assertThat(e.seq()).isEqualTo(7);
              assertThat(e.version()).isEqualTo(2);
              assertThat(e.newestKnown()).isEqualTo(1);
              assertThat(e.getMessage())
                  .contains(
                      "seq 7",
                      "format version 2",
                      "reads versions up to 1",
                      "newer server",
                      "do not repair");
            });
  }

  @Test
  void a_version_that_was_never_written_is_damage_not_a_newer_journal() {
    for (Object bad : new Object[] {0, -3, "1", 1.5}) {
      byte[] record = json(JournalFormat.write(NOTICE, null)).put("v", bad).toBuffer().getBytes();
      assertThatThrownBy(() -> JournalFormat.read(record))
          .as("version %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .isNotInstanceOf(UnknownJournalFormatException.class);
    }
  }

  @Test
  void journal_check_tells_a_newer_record_from_a_damaged_one() {
    JournalEventCodec events = new JournalEventCodec();
    byte[] newer = json(JournalFormat.write(NOTICE, null)).put("v", 3).toBuffer().getBytes();

    assertThat(events.problem(7, JournalFormat.write(NOTICE, null))).isNull();
    assertThat(events.problem(7, newer)).contains("format version 3", "not damage");
    assertThat(
            json(events.lostEvent(8, JournalFormat.write(NOTICE, null), null, "bad sector"))
                .getInteger("v"))
        .as("the repair's marker is written in the current version")
        .isEqualTo(JournalFormat.VERSION);
  }

  private static JsonObject json(byte[] bytes) {
    return new JsonObject(new String(bytes, StandardCharsets.UTF_8));
  }
}
