package cn.suixin.hall.server.hall;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.hall.engine.Rejection;
import java.util.EnumSet;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RejectionMeaningTest {

  @Test
  void every_rejection_of_the_engine_has_an_http_meaning() {
    for (Rejection r : Rejection.values()) {
      RejectionMeaning m = RejectionMeaning.of(r);
      assertThat(m.status()).as(r.name()).isIn(204, 400, 403, 404, 409);
    }
  }

  @Test
  void the_meanings_callers_tell_apart_are_kept() {
    assertThat(RejectionMeaning.of(Rejection.NOT_YOUR_WINDOW).status()).isEqualTo(403);
    assertThat(RejectionMeaning.of(Rejection.UNKNOWN_TICKET).status()).isEqualTo(404);
    assertThat(RejectionMeaning.of(Rejection.UNKNOWN_SERVICE_RECORD).status()).isEqualTo(404);
    assertThat(RejectionMeaning.of(Rejection.UNKNOWN_MATTER))
        .isEqualTo(new RejectionMeaning(400, "matter"));
    assertThat(RejectionMeaning.of(Rejection.UNKNOWN_GREEN_CHANNEL))
        .isEqualTo(new RejectionMeaning(400, "greenChannel"));
    assertThat(RejectionMeaning.of(Rejection.NO_WAITING_TICKET).status()).isEqualTo(204);
    EnumSet<Rejection> others =
        EnumSet.complementOf(
            EnumSet.of(
                Rejection.NOT_YOUR_WINDOW,
                Rejection.UNKNOWN_TICKET,
                Rejection.UNKNOWN_SERVICE_RECORD,
                Rejection.UNKNOWN_MATTER,
                Rejection.UNKNOWN_GREEN_CHANNEL,
                Rejection.NO_WAITING_TICKET));
    others.forEach(
        r ->
            assertThat(RejectionMeaning.of(r))
                .as(r.name())
                .isEqualTo(new RejectionMeaning(409, null)));
  }

  @Test
  void a_refusal_carries_its_meaning_to_the_gateway() {
    HallRefusal r =
        HallGateway.refusal(
            Replies.rejected(
                new cn.suixin.hall.engine.Decision.Rejected(Rejection.UNKNOWN_MATTER, "XX")));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.code()).isEqualTo("UNKNOWN_MATTER");
    assertThat(r.field()).isEqualTo("matter");
    assertThat(r.detail()).isEqualTo("XX");
    assertThat(r.messageZh()).isEqualTo(Rejection.UNKNOWN_MATTER.zh());
  }
}
