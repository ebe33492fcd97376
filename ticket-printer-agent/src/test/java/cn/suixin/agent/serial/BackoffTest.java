package cn.suixin.agent.serial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void the_ceiling_doubles_up_to_the_cap_and_jitter_scales_it() {
    Backoff max = new Backoff(500, 60_000, () -> 0.999_999);
    long[] delays = new long[10];
    for (int i = 0; i < delays.length; i++) {
      delays[i] = max.nextDelayMillis();
    }
    assertThat(delays)
        .containsExactly(499, 999, 1999, 3999, 7999, 15999, 31999, 59999, 59999, 59999);
    Backoff half = new Backoff(500, 60_000, () -> 0.5);
    assertThat(half.nextDelayMillis()).isEqualTo(250);
  }

  @Test
  void reset_starts_over() {
    Backoff b = new Backoff(100, 1000, () -> 0.999_999);
    b.nextDelayMillis();
    b.nextDelayMillis();
    b.reset();
    assertThat(b.nextDelayMillis()).isEqualTo(99);
  }
}
