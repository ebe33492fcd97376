package cn.suixin.agent.sim;

import cn.suixin.agent.serial.HopToContext;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;

/**
 * A simulated device is worked from outside (a test pressing a pad, the agent logging its printer),
 * yet its state belongs to its own Vert.x context: every request is queued there.
 */
final class OnDevice {

  private OnDevice() {}

  static <T> Future<T> ask(Context context, Supplier<T> question) {
    Promise<T> answer = Promise.promise();
    context.runOnContext(
        v -> {
          try {
            answer.complete(question.get());
          } catch (RuntimeException e) {
            answer.fail(e);
          }
        });
    return answer.future();
  }

  /** The device's end of the cable, listened to on the device's context, then opened. */
  static void plugIn(Context context, SerialLink link, SerialListener device) {
    link.listen(HopToContext.of(context, device));
    try {
      link.open();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Future<Void> tell(Context context, Runnable action) {
    return ask(
        context,
        () -> {
          action.run();
          return null;
        });
  }
}
