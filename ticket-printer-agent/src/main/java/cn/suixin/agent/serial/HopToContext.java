package cn.suixin.agent.serial;

import io.vertx.core.Context;
import java.util.Arrays;

/**
 * Hands every callback of a serial line to the Vert.x context that owns the listener's state,
 * because links call from threads of their own (jSerialComm's reader and event threads, the
 * in-memory cable's delivery threads). Callbacks keep their order. The bytes are copied first: a
 * reader reuses its buffer for the next read.
 */
public final class HopToContext implements SerialListener {

  private final Context context;
  private final SerialListener listener;

  private HopToContext(Context context, SerialListener listener) {
    this.context = context;
    this.listener = listener;
  }

  public static SerialListener of(Context context, SerialListener listener) {
    return new HopToContext(context, listener);
  }

  @Override
  public void onBytes(byte[] data, int length) {
    byte[] copy = Arrays.copyOf(data, length);
    context.runOnContext(v -> listener.onBytes(copy, copy.length));
  }

  @Override
  public void onDisconnected() {
    context.runOnContext(v -> listener.onDisconnected());
  }

  @Override
  public void onConnected() {
    context.runOnContext(v -> listener.onConnected());
  }
}
