package cn.suixin.agent.serial;

import io.vertx.core.Context;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a link open: when the port is missing at start or disappears later, it retries with
 * jittered backoff until the port is back. Drivers see onDisconnected / onConnected and never have
 * to manage the port themselves. Its state belongs to one Vert.x context: call it there; the port's
 * own callbacks hop onto it, and the retries are timers of that context.
 */
public final class ReconnectingSerialLink implements SerialLink {

  private static final Logger LOG = LoggerFactory.getLogger(ReconnectingSerialLink.class);

  private final Context context;
  private final SerialLink delegate;
  private final Backoff backoff;
  private SerialListener listener;
  private boolean closed;

  /** One onDisconnected per outage, however many reopen attempts fail. */
  private boolean reportedDown;

  private long reopenTimer = -1;

  public ReconnectingSerialLink(Context context, SerialLink delegate, Backoff backoff) {
    this.context = context;
    this.delegate = delegate;
    this.backoff = backoff;
    // Listened to from the start: a link nobody reads from (an LED screen) must come back too.
    delegate.listen(
        HopToContext.of(
            context,
            new SerialListener() {
              @Override
              public void onBytes(byte[] data, int length) {
                if (listener != null) {
                  listener.onBytes(data, length);
                }
              }

              @Override
              public void onDisconnected() {
                reportDown();
                scheduleReopen();
              }

              @Override
              public void onConnected() {
                reportedDown = false;
                if (listener != null) {
                  listener.onConnected();
                }
              }
            }));
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void listen(SerialListener l) {
    this.listener = l;
  }

  /** Opens now if it can; otherwise reports the port as lost and keeps trying in the background. */
  @Override
  public void open() {
    closed = false;
    tryOpen();
  }

  @Override
  public boolean isOpen() {
    return delegate.isOpen();
  }

  @Override
  public void write(byte[] data) throws IOException {
    delegate.write(data);
  }

  @Override
  public void close() {
    closed = true;
    if (reopenTimer >= 0) {
      context.owner().cancelTimer(reopenTimer);
      reopenTimer = -1;
    }
    delegate.close();
  }

  private void tryOpen() {
    reopenTimer = -1;
    if (closed) {
      return;
    }
    try {
      delegate.open();
      backoff.reset();
    } catch (IOException e) {
      LOG.debug("{} not available yet: {}", delegate.name(), e.getMessage());
      reportDown();
      scheduleReopen();
    }
  }

  private void reportDown() {
    if (!reportedDown && listener != null) {
      reportedDown = true;
      listener.onDisconnected();
    }
  }

  private void scheduleReopen() {
    if (closed || reopenTimer >= 0) {
      return;
    }
    reopenTimer = context.owner().setTimer(backoff.nextDelayMillis(), id -> tryOpen());
  }
}
