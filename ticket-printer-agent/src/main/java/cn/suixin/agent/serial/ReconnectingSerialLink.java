package cn.suixin.agent.serial;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a link open: when the port is missing at start or disappears later, it retries with
 * jittered backoff until the port is back. Drivers see onDisconnected / onConnected and never
 * have to manage the port themselves.
 */
public final class ReconnectingSerialLink implements SerialLink {

  private static final Logger LOG = LoggerFactory.getLogger(ReconnectingSerialLink.class);

  private final SerialLink delegate;
  private final ScheduledExecutorService scheduler;
  private final Backoff backoff;
  private volatile SerialListener listener;
  private volatile boolean closed;
  /** One onDisconnected per outage, however many reopen attempts fail. */
  private volatile boolean reportedDown;

  public ReconnectingSerialLink(SerialLink delegate, ScheduledExecutorService scheduler,
      Backoff backoff) {
    this.delegate = delegate;
    this.scheduler = scheduler;
    this.backoff = backoff;
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public void listen(SerialListener l) {
    this.listener = l;
    delegate.listen(new SerialListener() {
      @Override
      public void onBytes(byte[] data, int length) {
        l.onBytes(data, length);
      }

      @Override
      public void onDisconnected() {
        reportDown();
        scheduleReopen();
      }

      @Override
      public void onConnected() {
        reportedDown = false;
        l.onConnected();
      }
    });
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
    delegate.close();
  }

  private void tryOpen() {
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
    if (closed || scheduler.isShutdown()) {
      return;
    }
    long delay = backoff.nextDelayMillis();
    scheduler.schedule(this::tryOpen, delay, TimeUnit.MILLISECONDS);
  }
}
