package cn.suixin.agent.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

  @TempDir Path dir;

  @Test
  void messages_survive_a_restart_in_write_order_until_removed() throws Exception {
    Outbox first = new Outbox(dir);
    first.put(new OutboxMessage("b-2", "{\"n\":1}"));
    first.put(new OutboxMessage("a-1", "{\"n\":2}"));
    first.put(new OutboxMessage("c-3", "{\"n\":3}"));
    assertThat(first.remove("a-1")).isTrue();

    Outbox second = new Outbox(dir);
    assertThat(second.pending())
        .containsExactly(
            new OutboxMessage("b-2", "{\"n\":1}"), new OutboxMessage("c-3", "{\"n\":3}"));
    second.put(new OutboxMessage("d-4", "{}"));
    assertThat(second.pending()).extracting(OutboxMessage::id).containsExactly("b-2", "c-3", "d-4");
  }

  @Test
  void a_repeated_id_is_stored_once_and_unknown_acks_are_ignored() {
    Outbox box = new Outbox(dir);
    box.put(new OutboxMessage("x", "{}"));
    box.put(new OutboxMessage("x", "{}"));
    assertThat(box.size()).isEqualTo(1);
    assertThat(box.remove("nope")).isFalse();
  }

  @Test
  void a_half_written_file_from_a_crash_is_discarded() throws Exception {
    Files.writeString(dir.resolve("000000000001-y.json.tmp"), "{");
    assertThat(new Outbox(dir).pending()).isEmpty();
    assertThat(dir.resolve("000000000001-y.json.tmp")).doesNotExist();
  }
}
