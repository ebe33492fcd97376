package cn.suixin.agent.pad;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PadFrameCodecTest {

  @Test
  void every_vector_encodes_byte_exact() {
    for (PadVectors.Vector v : PadVectors.ALL) {
      assertThat(Hex.of(PadFrameEncoder.encode(v.frame())))
          .as(v.name())
          .isEqualTo(Hex.of(v.wire()));
    }
  }

  @Test
  void every_vector_decodes_to_its_frame() {
    for (PadVectors.Vector v : PadVectors.ALL) {
      PadFrameDecoder d = new PadFrameDecoder();
      assertThat(d.parse(v.wire(), v.wire().length))
          .as(v.name())
          .containsExactly(new PadDecodeEvent.Frame(v.frame()));
    }
  }

  @Test
  void rating_payload_reads_back() {
    PadFrame rating = PadVectors.ALL.get(4).frame();
    assertThat(PadPayloads.parseRating(rating.payload())).contains(new PadRating(0x12345, 5, 0));
  }

  @Test
  void concatenated_vectors_decode_the_same_when_split_at_every_boundary() {
    byte[] all = PadVectors.concatenated();
    List<PadDecodeEvent> expected =
        PadVectors.ALL.stream()
            .<PadDecodeEvent>map(v -> new PadDecodeEvent.Frame(v.frame()))
            .toList();
    for (int i = 0; i <= all.length; i++) {
      for (int j = i; j <= all.length; j++) {
        PadFrameDecoder d = new PadFrameDecoder();
        List<PadDecodeEvent> got = new ArrayList<>();
        got.addAll(d.parse(Arrays.copyOfRange(all, 0, i), i, 0));
        got.addAll(d.parse(Arrays.copyOfRange(all, i, j), j - i, 1));
        got.addAll(d.parse(Arrays.copyOfRange(all, j, all.length), all.length - j, 2));
        assertThat(got).as("split at %d and %d", i, j).isEqualTo(expected);
      }
    }
  }

  @Test
  void byte_by_byte_feeding_finds_every_frame() {
    byte[] all = PadVectors.concatenated();
    PadFrameDecoder d = new PadFrameDecoder();
    List<PadDecodeEvent> got = new ArrayList<>();
    for (byte b : all) {
      got.addAll(d.parse(new byte[] {b}, 1, 0));
    }
    assertThat(got).hasSize(PadVectors.ALL.size()).allMatch(e -> e instanceof PadDecodeEvent.Frame);
  }

  @Test
  void garbage_and_bad_crc_frames_interleaved_are_reported_and_skipped() {
    byte[] stream =
        Hex.bytes(
            String.join(
                " ",
                "00 13 FF", // line noise
                "AA 04 01 01 03 01 44 CC", // PING
                "AA 0B 01 02 03 11 04 41 30 30 31 03 00 A4 36", // CALL with a broken CRC
                "AA 05 01 03 03 7F 00 ED FA", // ACK 3
                "AA 02 77", // impossible length
                "AA 0B 01 42 03 90 45 23 01 00 05 00 00 05 F1", // RATING
                "55 66")); // trailing noise
    PadFrameDecoder d = new PadFrameDecoder();
    List<PadDecodeEvent> got = d.parse(stream, stream.length, 0);
    assertThat(got)
        .containsExactly(
            new PadDecodeEvent.Error(PadDecodeError.GARBAGE),
            new PadDecodeEvent.Frame(PadVectors.ALL.get(0).frame()),
            new PadDecodeEvent.Error(PadDecodeError.BAD_CRC),
            new PadDecodeEvent.Frame(PadVectors.ALL.get(3).frame()),
            new PadDecodeEvent.Error(PadDecodeError.BAD_LENGTH),
            new PadDecodeEvent.Frame(PadVectors.ALL.get(4).frame()),
            new PadDecodeEvent.Error(PadDecodeError.GARBAGE));
  }

  @Test
  void a_frame_behind_a_false_start_byte_is_still_found() {
    // AA 0B looks like a start, but its CRC fails; dropping only AA finds the PING inside.
    byte[] stream = Hex.bytes("AA 0B AA 04 01 01 03 01 44 CC 00 00 00 00 00");
    List<PadDecodeEvent> got = new PadFrameDecoder().parse(stream, stream.length, 0);
    assertThat(got).first().isEqualTo(new PadDecodeEvent.Error(PadDecodeError.BAD_CRC));
    assertThat(got).contains(new PadDecodeEvent.Frame(PadVectors.ALL.get(0).frame()));
  }

  @Test
  void a_gap_over_50_ms_resets_a_partial_frame() {
    byte[] ping = PadVectors.ALL.get(0).wire();
    PadFrameDecoder d = new PadFrameDecoder();
    assertThat(d.parse(ping, 4, 1000)).isEmpty();
    assertThat(d.parse(Arrays.copyOfRange(ping, 4, 8), 4, 1051))
        .startsWith(new PadDecodeEvent.Error(PadDecodeError.GAP_RESET))
        .doesNotHaveAnyElementsOfTypes(PadDecodeEvent.Frame.class);
    assertThat(d.parse(ping, ping.length, 1060))
        .containsExactly(new PadDecodeEvent.Frame(PadVectors.ALL.get(0).frame()));
  }

  @Test
  void a_gap_of_exactly_50_ms_keeps_the_partial_frame() {
    byte[] ping = PadVectors.ALL.get(0).wire();
    PadFrameDecoder d = new PadFrameDecoder();
    d.parse(ping, 4, 1000);
    assertThat(d.parse(Arrays.copyOfRange(ping, 4, 8), 4, 1050))
        .containsExactly(new PadDecodeEvent.Frame(PadVectors.ALL.get(0).frame()));
  }
}
