package cn.suixin.agent.device;

import static cn.suixin.agent.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadFrame;
import cn.suixin.agent.pad.PadFrameType;
import cn.suixin.agent.pad.PadRating;
import cn.suixin.agent.pad.PadSession;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.sim.PadSimulator;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingPadDriverTest {

  @TempDir
  Path data;

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
  private final List<PadRating> ratings = new CopyOnWriteArrayList<>();
  private final List<String> statuses = new CopyOnWriteArrayList<>();
  private Outbox outbox;
  private PadSimulator pad;
  private RatingPadDriver driver;

  @BeforeEach
  void wire() throws Exception {
    InMemorySerialPair pair = new InMemorySerialPair("pad");
    outbox = new Outbox(data.resolve("outbox"));
    pad = new PadSimulator(pair.deviceEnd(), 3, scheduler).start();
    driver = new RatingPadDriver(pair.agentEnd(), 3, outbox, new PadListener() {
      @Override
      public void onRating(PadRating rating, OutboxMessage message) {
        ratings.add(rating);
      }

      @Override
      public void onPadStatus(String status, String detail) {
        statuses.add(status);
      }
    }, scheduler, () -> System.nanoTime() / 1_000_000);
    driver.start();
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void a_press_is_stored_in_the_outbox_and_delivered_exactly_once() throws Exception {
    driver.requestRating(0x12345, 30);
    waitFor(() -> pad.requestedRecord() == 0x12345);
    PadFrame press = pad.press(5, 0);
    waitFor(() -> pad.unackedCount() == 0);
    pad.sendRaw(press); // the pad missed our ACK and resends with the same SEQ
    pad.sendRating(new PadRating(0x12345, 1, 3)); // and a second opinion: 一次一评
    waitFor(() -> pad.unackedCount() == 0 && pad.ackStatus(press.seq() + 1) != null);
    assertThat(ratings).containsExactly(new PadRating(0x12345, 5, 0));
    assertThat(pad.ackStatus(press.seq() + 1)).isEqualTo(PadSession.STATUS_ALREADY_RATED);
    assertThat(outbox.pending()).hasSize(1);
    JsonObject stored = new JsonObject(outbox.pending().get(0).json());
    assertThat(stored.getString("type")).isEqualTo("rating");
    assertThat(stored.getLong("recordId")).isEqualTo(0x12345L);
    assertThat(stored.getInteger("level")).isEqualTo(5);
  }

  @Test
  void commands_reach_the_pad_in_order() throws Exception {
    driver.showStaff(1024, "张三");
    driver.call("A001", 3);
    driver.ping();
    waitFor(() -> pad.received().size() == 3);
    assertThat(pad.received()).extracting(PadFrame::type)
        .containsExactly(PadFrameType.SHOW_STAFF, PadFrameType.CALL, PadFrameType.PING);
  }

  @Test
  void a_pad_that_never_answers_is_reported_after_the_retries() throws Exception {
    pad.setAnswering(false);
    driver.ping();
    waitFor(() -> statuses.contains("NO_REPLY"));
    assertThat(pad.received()).hasSize(4).extracting(PadFrame::seq).containsOnly(1);
  }
}
