package cn.suixin.agent;

import java.util.function.BooleanSupplier;

/** Waits for something asynchronous to happen, failing after a generous limit (not a speed check). */
public final class Eventually {

  private Eventually() {
  }

  public static void waitFor(BooleanSupplier condition) throws InterruptedException {
    long end = System.currentTimeMillis() + 15_000;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("condition not met within 15 s");
      }
      Thread.sleep(10);
    }
  }
}
