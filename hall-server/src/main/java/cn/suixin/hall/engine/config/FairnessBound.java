package cn.suixin.hall.engine.config;

import java.time.Duration;

/**
 * How far a green channel may delay regular tickets: once a regular ticket a window could serve has
 * waited {@code regularMaxWait}, that window calls at most {@code maxGreenInARow} green tickets
 * before it calls a regular one.
 */
public record FairnessBound(Duration regularMaxWait, int maxGreenInARow) {
  public FairnessBound {
    if (regularMaxWait.isNegative() || maxGreenInARow < 1) {
      throw new IllegalArgumentException(
          "fairness bound needs a wait >= 0 and at least 1 green call in a row");
    }
  }
}
