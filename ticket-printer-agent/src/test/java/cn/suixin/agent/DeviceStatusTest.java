package cn.suixin.agent;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutgoingMessages;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceStatusTest {

  @TempDir Path dir;

  private final List<JsonObject> sent = new ArrayList<>();

  private DeviceStatus status() {
    OutgoingMessages out = new OutgoingMessages(new Outbox(dir));
    out.linkUp(text -> sent.add(new JsonObject(text)));
    return new DeviceStatus(out);
  }

  @Test
  void a_pad_that_says_the_same_all_day_is_one_message_per_change() {
    DeviceStatus status = status();
    status.changed(DeviceStatus.PAD, "OK", "");
    status.changed(DeviceStatus.PAD, "OK", "");
    status.changed(DeviceStatus.PAD, "PORT_LOST", "/dev/ttyUSB1");
    status.changed(DeviceStatus.PAD, "PORT_LOST", "/dev/ttyUSB1");
    status.changed(DeviceStatus.PAD, "OK", "");
    assertThat(sent)
        .extracting(m -> m.getString("status"))
        .containsExactly("OK", "PORT_LOST", "OK");
    assertThat(sent.get(1).getString("type")).isEqualTo("device.status");
    assertThat(sent.get(1).getString("device")).isEqualTo("pad");
    assertThat(sent.get(1).getString("detail")).isEqualTo("/dev/ttyUSB1");
  }

  @Test
  void every_refused_job_is_reported_even_when_the_state_is_the_same() {
    DeviceStatus status = status();
    status.report(DeviceStatus.PRINTER, "PAPER_OUT", "job t1");
    status.report(DeviceStatus.PRINTER, "PAPER_OUT", "job t2");
    status.changed(DeviceStatus.PRINTER, "PAPER_OUT", "");
    assertThat(sent).extracting(m -> m.getString("detail")).containsExactly("job t1", "job t2");
    assertThat(sent).extracting(m -> m.getString("id")).doesNotHaveDuplicates();
  }
}
