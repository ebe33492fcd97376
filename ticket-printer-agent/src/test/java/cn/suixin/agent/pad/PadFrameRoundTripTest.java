package cn.suixin.agent.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class PadFrameRoundTripTest {

  @Property(tries = 300)
  void encode_then_decode_round_trips_under_random_chunking(
      @ForAll("frames") @Size(min = 1, max = 8) List<PadFrame> frames,
      @ForAll @IntRange(min = 1, max = 64) int maxChunk,
      @ForAll long seed) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    frames.forEach(f -> wire.writeBytes(PadFrameEncoder.encode(f)));
    byte[] all = wire.toByteArray();
    java.util.Random random = new java.util.Random(seed);
    PadFrameDecoder decoder = new PadFrameDecoder();
    List<PadFrame> decoded = new ArrayList<>();
    int pos = 0;
    while (pos < all.length) {
      int n = Math.min(all.length - pos, 1 + random.nextInt(maxChunk));
      byte[] chunk = java.util.Arrays.copyOfRange(all, pos, pos + n);
      for (PadDecodeEvent e : decoder.parse(chunk, n, 0)) {
        assertThat(e).isInstanceOf(PadDecodeEvent.Frame.class);
        decoded.add(((PadDecodeEvent.Frame) e).frame());
      }
      pos += n;
    }
    assertThat(decoded).isEqualTo(frames);
  }

  @Property(tries = 200)
  void line_noise_between_frames_costs_no_frame(
      @ForAll("frames") @Size(min = 1, max = 6) List<PadFrame> frames,
      @ForAll("noise") List<byte[]> noise,
      @ForAll @IntRange(min = 1, max = 40) int chunk) {
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    for (int i = 0; i < frames.size(); i++) {
      wire.writeBytes(noise.get(i));
      wire.writeBytes(PadFrameEncoder.encode(frames.get(i)));
    }
    byte[] all = wire.toByteArray();
    PadFrameDecoder decoder = new PadFrameDecoder();
    List<PadFrame> decoded = new ArrayList<>();
    for (int pos = 0; pos < all.length; pos += chunk) {
      int n = Math.min(chunk, all.length - pos);
      for (PadDecodeEvent e :
          decoder.parse(java.util.Arrays.copyOfRange(all, pos, pos + n), n, 0)) {
        if (e instanceof PadDecodeEvent.Frame f) {
          decoded.add(f.frame());
        } else {
          assertThat(e).isEqualTo(new PadDecodeEvent.Error(PadDecodeError.GARBAGE));
        }
      }
    }
    assertThat(decoded).isEqualTo(frames);
  }

  /** Noise without a start byte: a stray AA may legitimately hold a frame back until it fails. */
  @Provide
  Arbitrary<List<byte[]>> noise() {
    return Arbitraries.bytes()
        .filter(b -> b != (byte) 0xAA)
        .array(byte[].class)
        .ofMaxSize(20)
        .list()
        .ofSize(6);
  }

  @Provide
  Arbitrary<List<PadFrame>> frames() {
    Arbitrary<Integer> b = Arbitraries.integers().between(0, 255);
    Arbitrary<byte[]> payload =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(PadFrame.MAX_PAYLOAD);
    return Combinators.combine(b, b, b, b, payload).as(PadFrame::new).list();
  }
}
