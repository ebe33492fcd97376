package cn.suixin.agent;

import java.time.Duration;
import java.util.concurrent.Callable;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The one limit the agent's tests wait under: generous, for a build machine shared by several
 * builds, because it is a limit and never a speed check.
 */
public final class Eventually {

  public static final Duration LIMIT = Duration.ofSeconds(30);

  private Eventually() {}

  public static ConditionFactory eventually() {
    return Awaitility.await().atMost(LIMIT).pollInterval(Duration.ofMillis(10));
  }

  public static void waitFor(Callable<Boolean> condition) {
    eventually().until(condition);
  }

  /**
   * For "and nothing more happens": the condition must keep holding for a while, since a resent
   * frame or message that slips through shows up within a few hundred milliseconds.
   */
  public static void stillTrue(Callable<Boolean> condition) {
    eventually().during(Duration.ofMillis(500)).until(condition);
  }
}
