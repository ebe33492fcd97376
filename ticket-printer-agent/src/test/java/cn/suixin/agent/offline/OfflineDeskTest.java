package cn.suixin.agent.offline;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.outbox.Outbox;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineDeskTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  // 2026-11-26T17:00Z is already the 27th in Shanghai: the business day follows the hall.
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-26T17:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void the_next_number_is_on_disk_before_the_ticket_is_returned() {
    OfflineDesk desk =
        new OfflineDesk(new OfflineStore(dir.resolve("offline.json")), CLOCK, SHANGHAI);
    desk.addBlock(new OfflineBlock("b1", "hj", "A", 901, 950, "2026-11-27"));
    assertThat(desk.issue("hj")).isInstanceOf(OfflineDecision.Issued.class);

    OfflineDesk afterCrash =
        new OfflineDesk(new OfflineStore(dir.resolve("offline.json")), CLOCK, SHANGHAI);
    OfflineDecision.Issued second = (OfflineDecision.Issued) afterCrash.issue("hj");
    assertThat(second.ticket().number()).isEqualTo("A902");
    assertThat(afterCrash.remaining("hj")).isEqualTo(48);
  }

  @Test
  void handover_puts_one_message_per_block_in_the_outbox_once() {
    OfflineDesk desk =
        new OfflineDesk(new OfflineStore(dir.resolve("offline.json")), CLOCK, SHANGHAI);
    desk.addBlock(new OfflineBlock("b1", "hj", "A", 901, 950, "2026-11-27"));
    desk.issue("hj");
    desk.issue("hj");
    Outbox outbox = new Outbox(dir.resolve("outbox"));
    assertThat(desk.handOver(outbox)).hasSize(1);
    assertThat(desk.handOver(outbox)).isEmpty();
    JsonObject m = new JsonObject(outbox.pending().get(0).json());
    assertThat(m.getString("type")).isEqualTo("offline.tickets");
    assertThat(m.getString("blockId")).isEqualTo("b1");
    assertThat(m.getJsonArray("tickets").getJsonObject(0).getString("number")).isEqualTo("A901");
    assertThat(m.getJsonArray("tickets").getJsonObject(1).getString("number")).isEqualTo("A902");
    assertThat(m.getJsonArray("tickets").getJsonObject(0).getString("issuedAt"))
        .isEqualTo("2026-11-26T17:00:00Z");
  }
}
