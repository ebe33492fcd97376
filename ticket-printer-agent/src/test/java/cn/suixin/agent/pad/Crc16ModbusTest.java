package cn.suixin.agent.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Crc16ModbusTest {

  @Test
  void check_value_of_the_catalogue() {
    assertThat(Crc16Modbus.compute("123456789".getBytes(StandardCharsets.US_ASCII)))
        .isEqualTo(0x4B37);
  }

  @Test
  void empty_input_is_the_initial_value() {
    assertThat(Crc16Modbus.compute(new byte[0])).isEqualTo(0xFFFF);
  }
}
