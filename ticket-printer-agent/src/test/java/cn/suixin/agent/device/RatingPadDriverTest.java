package cn.suixin.agent.device;

import static cn.suixin.agent.Eventually.waitFor;
import static cn.suixin.agent.OnContext.result;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.OnContext;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadFrame;
import cn.suixin.agent.pad.PadFrameType;
import cn.suixin.agent.pad.PadRating;
import cn.suixin.agent.pad.PadSession;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.sim.PadSimulator;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RatingPadDriverTest {

  @TempDir Path data;

  private final Vertx vertx = Vertx.vertx();
  private final List<PadRating> ratings = new CopyOnWriteArrayList<>();
  private final List<String> statuses = new CopyOnWriteArrayList<>();
  private Context agent;
  private Outbox outbox;
  private PadSimulator pad;
  private RatingPadDriver driver;

  @BeforeEach
  void wire() throws Exception {
    agent = OnContext.of(vertx, ThreadingModel.WORKER);
    InMemorySerialPair pair = new InMemorySerialPair("pad");
    outbox = new Outbox(data.resolve("outbox"));
    pad =
        result(
            new PadSimulator(OnContext.of(vertx, ThreadingModel.EVENT_LOOP), pair.deviceEnd(), 3)
                .start());
    driver =
        new RatingPadDriver(
            agent,
            pair.agentEnd(),
            3,
            outbox,
            new PadListener() {
              @Override
              public void onRating(PadRating rating, OutboxMessage message) {
                ratings.add(rating);
              }

              @Override
              public void onPadStatus(String status, String detail) {
                statuses.add(status);
              }
            },
            () -> System.nanoTime() / 1_000_000);
    OnContext.run(agent, driver::start);
  }

  @AfterEach
  void stop() throws Exception {
    result(vertx.close());
  }

  @Test
  void a_press_is_stored_in_the_outbox_and_delivered_exactly_once() throws Exception {
    OnContext.run(agent, () -> driver.requestRating(0x12345, 30));
    waitFor(() -> result(pad.requestedRecord()) == 0x12345);
    PadFrame press = result(pad.press(5, 0));
    waitFor(() -> result(pad.unackedCount()) == 0);
    result(pad.sendRaw(press)); // the pad missed our ACK and resends with the same SEQ
    result(pad.sendRating(new PadRating(0x12345, 1, 3))); // and a second opinion: 一次一评
    waitFor(
        () -> result(pad.unackedCount()) == 0 && result(pad.ackStatus(press.seq() + 1)) != null);
    assertThat(ratings).containsExactly(new PadRating(0x12345, 5, 0));
    assertThat(result(pad.ackStatus(press.seq() + 1))).isEqualTo(PadSession.STATUS_ALREADY_RATED);
    List<OutboxMessage> stored = OnContext.call(agent, outbox::pending);
    assertThat(stored).hasSize(1);
    JsonObject rating = new JsonObject(stored.get(0).json());
    assertThat(rating.getString("type")).isEqualTo("rating");
    assertThat(rating.getLong("recordId")).isEqualTo(0x12345L);
    assertThat(rating.getInteger("level")).isEqualTo(5);
  }

  @Test
  void commands_reach_the_pad_in_order() throws Exception {
    OnContext.run(
        agent,
        () -> {
          driver.showStaff(1024, "张三");
          driver.call("A001", 3);
          driver.ping();
        });
    waitFor(() -> result(pad.received()).size() == 3);
    assertThat(result(pad.received()))
        .extracting(PadFrame::type)
        .containsExactly(PadFrameType.SHOW_STAFF, PadFrameType.CALL, PadFrameType.PING);
  }

  @Test
  void a_pad_that_never_answers_is_reported_after_the_retries() throws Exception {
    result(pad.setAnswering(false));
    OnContext.run(agent, driver::ping);
    waitFor(() -> statuses.contains("NO_REPLY"));
    assertThat(result(pad.received())).hasSize(4).extracting(PadFrame::seq).containsOnly(1);
  }
}
