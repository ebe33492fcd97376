package cn.suixin.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.device.WindowDisplay;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.offline.OfflineDesk;
import cn.suixin.agent.offline.OfflineStore;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutgoingMessages;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which device a server message is for, on a PC that has no printer and no pad. */
class RoutingTest {

  @TempDir Path dir;

  private final List<JsonObject> sent = new ArrayList<>();
  private final List<String> screen = new ArrayList<>();
  private Routing routing;

  @BeforeEach
  void wire() {
    Outbox outbox = new Outbox(dir.resolve("outbox"));
    OutgoingMessages out = new OutgoingMessages(outbox);
    out.linkUp(text -> sent.add(new JsonObject(text)));
    DeviceStatus status = new DeviceStatus(out);
    Printing printing =
        new Printing(
            null,
            new TicketEncoder(PrinterProfile.GENERIC),
            status,
            out,
            Clock.systemUTC(),
            URI.create("http://10.0.0.5:8080"));
    OfflineFallback offline =
        new OfflineFallback(
            new OfflineDesk(
                new OfflineStore(dir.resolve("offline.json")), Clock.systemUTC(), Agent.HALL_ZONE),
            outbox,
            out,
            printing);
    routing = new Routing(printing, null, new RecordingScreen(), offline, status);
  }

  @Test
  void calls_and_the_clerk_go_to_the_window_screen_even_without_a_pad() {
    routing.onCommand(
        new JsonObject().put("type", "pad.staff").put("staffNo", "10086").put("name", "李明"));
    routing.onCommand(
        new JsonObject().put("type", "pad.call").put("number", "A001").put("window", 3));
    assertThat(screen).containsExactly("李明", "call A001 3");
    assertThat(sent).isEmpty();
  }

  @Test
  void a_rating_request_without_a_pad_is_reported_as_the_pad_missing() {
    routing.onCommand(
        new JsonObject().put("type", "pad.rate").put("recordId", 77).put("timeoutSeconds", 30));
    assertThat(sent)
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getString("device")).isEqualTo("pad");
              assertThat(m.getString("status")).isEqualTo("PORT_LOST");
            });
  }

  @Test
  void
      a_print_job_without_a_printer_is_answered_by_the_printers_state_and_asks_for_offline_numbers() {
    routing.onCommand(
        new JsonObject()
            .put("type", "print.ticket")
            .put("job", "j1")
            .put("ticket", new JsonObject().put("number", "A001").put("matter", "hj")));
    assertThat(sent)
        .extracting(m -> m.getString("type"))
        .containsExactly("offline.block.request", "device.status");
    assertThat(sent.get(1).getString("device")).isEqualTo("printer");
    assertThat(sent.get(1).getString("status")).isEqualTo("PORT_LOST");
    assertThat(sent).noneMatch(m -> "printed".equals(m.getString("type")));
  }

  @Test
  void a_malformed_message_is_dropped_and_the_next_one_still_reaches_its_device() {
    routing.onCommand(
        new JsonObject().put("type", "pad.call").put("number", "A001").put("window", "three"));
    routing.onCommand(
        new JsonObject().put("type", "pad.call").put("number", "A002").put("window", 1));
    assertThat(screen).containsExactly("call A002 1");
  }

  private final class RecordingScreen implements WindowDisplay {
    @Override
    public void showCall(String number, int window) {
      screen.add("call " + number + " " + window);
    }

    @Override
    public void showText(String text) {
      screen.add(text);
    }

    @Override
    public void close() {}
  }
}
