package cn.suixin.agent.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatusDecoderTest {

  @ParameterizedTest(name = "DLE EOT {0} reply {1} is {2}")
  @CsvSource({
    "1, 12, OK",
    "1, 1A, OFFLINE",
    "2, 12, OK",
    "2, 16, COVER_OPEN",
    "2, 32, PAPER_OUT",
    "2, 52, ERROR",
    "2, 36, COVER_OPEN",
    "3, 12, OK",
    "3, 1A, CUTTER_ERROR",
    "3, 32, UNRECOVERABLE",
    "3, 52, ERROR",
    "4, 12, OK",
    "4, 16, PAPER_NEAR_END",
    "4, 1A, PAPER_NEAR_END",
    "4, 1E, PAPER_NEAR_END",
    "4, 32, PAPER_OUT",
    "4, 52, PAPER_OUT",
    "4, 72, PAPER_OUT",
    "4, 7E, PAPER_OUT",
  })
  void decodes_documented_status_bytes(int n, String hex, PrinterStatus expected) {
    assertThat(StatusDecoder.decode(n, Integer.parseInt(hex, 16))).isEqualTo(expected);
  }

  @ParameterizedTest(name = "reply {0} is invalid")
  @CsvSource({"00", "FF", "13", "92", "10", "02", "80", "93"})
  void rejects_bytes_without_the_fixed_bits(String hex) {
    int b = Integer.parseInt(hex, 16);
    for (int n = 1; n <= 4; n++) {
      assertThat(StatusDecoder.decode(n, b)).isEqualTo(PrinterStatus.INVALID_REPLY);
    }
  }

  @Test
  void every_byte_is_invalid_exactly_when_the_fixed_bits_are_wrong() {
    for (int b = 0; b < 256; b++) {
      boolean invalid = StatusDecoder.decode(1, b) == PrinterStatus.INVALID_REPLY;
      assertThat(invalid).as("byte %02X", b).isEqualTo((b & 0x93) != 0x12);
    }
  }

  @Test
  void combine_takes_the_worst_and_a_missing_reply_means_gone() {
    assertThat(StatusDecoder.combine(0x12, 0x12, 0x12, 0x12)).isEqualTo(PrinterStatus.OK);
    assertThat(StatusDecoder.combine(0x1A, 0x32, 0x12, 0x72)).isEqualTo(PrinterStatus.PAPER_OUT);
    assertThat(StatusDecoder.combine(0x12, 0x12, 0x12, 0x1E))
        .isEqualTo(PrinterStatus.PAPER_NEAR_END);
    assertThat(StatusDecoder.combine(0x12, null, 0x12, 0x12)).isEqualTo(PrinterStatus.NO_REPLY);
    assertThat(StatusDecoder.combine(0x12, 0x00, 0x12, 0x12))
        .isEqualTo(PrinterStatus.INVALID_REPLY);
  }

  @Test
  void request_bytes_are_dle_eot_n() {
    assertThat(Hex.of(StatusDecoder.request(4))).isEqualTo("10 04 04");
  }
}
