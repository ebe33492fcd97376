package cn.suixin.agent.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Hex;
import org.junit.jupiter.api.Test;

class EscPosWriterTest {

  private final EscPosWriter w = new EscPosWriter(PrinterProfile.GENERIC);

  @Test
  void hall_name_is_encoded_in_gb18030() {
    assertThat(Hex.of(w.line("政务服务中心").toByteArray()))
        .isEqualTo("D5 FE CE F1 B7 FE CE F1 D6 D0 D0 C4 0A");
  }

  @Test
  void code128_frames_length_and_code_set_b() {
    assertThat(Hex.of(w.code128("A001").toByteArray())).isEqualTo("1D 6B 49 06 7B 42 41 30 30 31");
  }

  @Test
  void qr_store_length_counts_bytes_plus_three() {
    byte[] b = w.qr("ABC", 6).toByteArray();
    assertThat(Hex.of(b))
        .isEqualTo(
            "1D 28 6B 04 00 31 41 32 00 "
                + "1D 28 6B 03 00 31 43 06 "
                + "1D 28 6B 03 00 31 45 31 "
                + "1D 28 6B 06 00 31 50 30 41 42 43 "
                + "1D 28 6B 03 00 31 51 30");
  }

  @Test
  void qr_store_length_uses_utf8_bytes_not_characters() {
    // "中" is 3 bytes in UTF-8: pL = 3 + 3 = 6 although the string has one character.
    byte[] b = w.qr("中", 4).toByteArray();
    assertThat(Hex.of(b)).contains("1D 28 6B 06 00 31 50 30 E4 B8 AD");
  }

  @Test
  void qr_store_length_overflows_into_ph_for_long_data() {
    byte[] b = w.qr("x".repeat(300), 4).toByteArray();
    // 303 = 0x012F: pL 2F, pH 01
    assertThat(Hex.of(b)).contains("1D 28 6B 2F 01 31 50 30 78");
  }

  @Test
  void simple_commands_match_the_manual() {
    byte[] b =
        w.initialize()
            .chineseModeOn()
            .align(1)
            .bold(true)
            .size(0x11)
            .feed(3)
            .bold(false)
            .chineseModeOff()
            .cut()
            .toByteArray();
    assertThat(Hex.of(b))
        .isEqualTo("1B 40 1C 26 1B 61 01 1B 45 01 1D 21 11 1B 64 03 1B 45 00 1C 2E 1D 56 42 00");
  }
}
