package cn.suixin.agent.pad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PadSessionTest {

  private final PadSession session = new PadSession(0x03);

  @Test
  void a_sent_frame_carries_a_seq_and_completes_on_its_ack() {
    List<PadEffect> out = session.send(PadFrameType.PING, new byte[0], 0);
    PadFrame ping = ((PadEffect.Transmit) out.get(0)).frame();
    assertThat(ping.seq()).isEqualTo(1);
    assertThat(session.onFrame(PadFrame.of(1, 3, PadFrameType.ACK, (byte) 0), 40))
        .containsExactly(new PadEffect.Confirmed(ping, 0));
    assertThat(session.idle()).isTrue();
  }

  @Test
  void retries_three_times_300_ms_apart_with_the_same_seq_then_fails() {
    PadFrame call =
        ((PadEffect.Transmit)
                session.send(PadFrameType.CALL, PadPayloads.call("A001", 3), 0).get(0))
            .frame();
    assertThat(session.tick(299)).isEmpty();
    assertThat(session.tick(300)).containsExactly(new PadEffect.Transmit(call));
    assertThat(session.tick(500)).isEmpty();
    assertThat(session.tick(600)).containsExactly(new PadEffect.Transmit(call));
    assertThat(session.tick(900)).containsExactly(new PadEffect.Transmit(call));
    assertThat(session.tick(999)).isEmpty();
    assertThat(session.tick(1000)).containsExactly(new PadEffect.Failed(call));
    assertThat(session.idle()).isTrue();
  }

  @Test
  void queued_frames_wait_for_the_one_in_flight() {
    session.send(PadFrameType.PING, new byte[0], 0);
    assertThat(session.send(PadFrameType.PING, new byte[0], 10)).isEmpty();
    List<PadEffect> after = session.onFrame(PadFrame.of(1, 3, PadFrameType.ACK, (byte) 0), 20);
    assertThat(after).hasSize(2);
    assertThat(((PadEffect.Transmit) after.get(1)).frame().seq()).isEqualTo(2);
  }

  @Test
  void a_nak_refuses_the_frame() {
    PadFrame f =
        ((PadEffect.Transmit) session.send(PadFrameType.PING, new byte[0], 0).get(0)).frame();
    assertThat(session.onFrame(PadFrame.of(1, 3, PadFrameType.NAK, (byte) 9), 10))
        .containsExactly(new PadEffect.Refused(f, 9));
  }

  @Test
  void an_incoming_rating_is_delivered_before_its_ack() {
    PadFrame rating = PadVectors.ALL.get(4).frame();
    assertThat(session.onFrame(rating, 0))
        .containsExactly(
            new PadEffect.Received(rating), new PadEffect.Transmit(PadVectors.ALL.get(5).frame()));
  }

  @Test
  void a_duplicate_seq_is_acked_again_but_not_delivered() {
    PadFrame rating = PadVectors.ALL.get(4).frame();
    session.onFrame(rating, 0);
    assertThat(session.onFrame(rating, 300))
        .containsExactly(new PadEffect.Transmit(PadVectors.ALL.get(5).frame()));
  }

  @Test
  void a_second_rating_for_the_same_record_is_not_accepted() {
    session.onFrame(PadVectors.ALL.get(4).frame(), 0);
    PadFrame again =
        PadFrame.of(0x43, 3, PadFrameType.RATING, PadPayloads.rating(new PadRating(0x12345, 1, 2)));
    assertThat(session.onFrame(again, 10))
        .containsExactly(
            new PadEffect.Transmit(
                PadFrame.of(0x43, 3, PadFrameType.ACK, (byte) PadSession.STATUS_ALREADY_RATED)));
  }

  @Test
  void a_rating_with_a_level_out_of_range_is_naked() {
    PadFrame bad =
        PadFrame.of(0x44, 3, PadFrameType.RATING, PadPayloads.rating(new PadRating(7, 6, 0)));
    assertThat(session.onFrame(bad, 0))
        .containsExactly(
            new PadEffect.Transmit(
                PadFrame.of(0x44, 3, PadFrameType.NAK, (byte) PadSession.STATUS_BAD_PAYLOAD)));
  }

  @Test
  void a_late_ack_for_a_settled_frame_is_ignored() {
    session.send(PadFrameType.PING, new byte[0], 0);
    session.onFrame(PadFrame.of(1, 3, PadFrameType.ACK, (byte) 0), 10);
    assertThat(session.onFrame(PadFrame.of(1, 3, PadFrameType.ACK, (byte) 0), 20)).isEmpty();
  }

  @Test
  void a_rebooted_pad_reusing_a_seq_with_new_content_is_heard() {
    PadFrame before = PadFrame.of(0x42, 3, PadFrameType.RATING_TIMEOUT, PadPayloads.recordId(1));
    PadFrame afterReboot =
        PadFrame.of(0x42, 3, PadFrameType.RATING, PadPayloads.rating(new PadRating(2, 4, 0)));
    session.onFrame(before, 0);
    assertThat(session.onFrame(afterReboot, 5000))
        .first()
        .isEqualTo(new PadEffect.Received(afterReboot));
  }
}
