package cn.suixin.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class AgentOptionsTest {

  @Test
  void every_flag_is_read() {
    AgentOptions o = AgentOptions.parse("--server", "http://hall:8080", "--token", "T",
        "--printer", "/dev/ttyUSB0", "--pad", "/dev/ttyUSB1", "--window-display", "/dev/ttyS0",
        "--simulate", "--data", "/var/lib/agent", "--printer-profile", "zijiang-58",
        "--local-port", "9000", "--printer-baud", "115200", "--pad-address", "3");
    assertThat(o.server().getHost()).isEqualTo("hall");
    assertThat(o.token()).isEqualTo("T");
    assertThat(o.printerPort()).isEqualTo("/dev/ttyUSB0");
    assertThat(o.padPort()).isEqualTo("/dev/ttyUSB1");
    assertThat(o.windowDisplayPort()).isEqualTo("/dev/ttyS0");
    assertThat(o.simulate()).isTrue();
    assertThat(o.dataDir()).isEqualTo(Paths.get("/var/lib/agent"));
    assertThat(o.printerProfile()).isEqualTo("zijiang-58");
    assertThat(o.localPort()).isEqualTo(9000);
    assertThat(o.printerBaud()).isEqualTo(115200);
    assertThat(o.padAddress()).isEqualTo(3);
  }

  @Test
  void defaults_leave_devices_off_and_listen_on_8765() {
    AgentOptions o = AgentOptions.parse("--server", "http://hall:8080", "--token", "T");
    assertThat(o.printerPort()).isNull();
    assertThat(o.simulate()).isFalse();
    assertThat(o.localPort()).isEqualTo(8765);
    assertThat(o.printerProfile()).isEqualTo("generic");
  }

  @Test
  void missing_or_unknown_options_are_refused() {
    assertThatThrownBy(() -> AgentOptions.parse("--token", "T"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AgentOptions.parse("--server", "http://h:1", "--token", "T", "--x"))
        .hasMessageContaining("--x");
    assertThatThrownBy(() -> AgentOptions.parse("--server", "http://h:1", "--token", "T",
        "--printer-profile", "epson")).hasMessageContaining("epson");
    assertThatThrownBy(() -> AgentOptions.parse("--server", "http://h:1", "--token"))
        .hasMessageContaining("needs a value");
  }
}
