package cn.suixin.agent.device;

import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.escpos.StatusDecoder;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints jobs and watches an ESC/POS printer. Jobs and status polls run on one worker thread, so a
 * DLE EOT never lands inside a job (printers obey it even there). After each job and every poll
 * interval it asks DLE EOT 1..4; no byte within 500 ms means the printer is gone.
 */
public final class PrinterDriver implements SerialListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PrinterDriver.class);
  public static final long REPLY_TIMEOUT_MILLIS = 500;

  private final SerialLink link;
  private final Consumer<PrinterStatus> listener;
  private final long pollIntervalMillis;
  private final ScheduledExecutorService worker;
  private final LinkedBlockingQueue<Integer> replies = new LinkedBlockingQueue<>();
  private volatile PrinterStatus status;

  public PrinterDriver(SerialLink link, Consumer<PrinterStatus> listener, long pollIntervalMillis) {
    this.link = link;
    this.listener = listener;
    this.pollIntervalMillis = pollIntervalMillis;
    this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "printer-" + link.name());
      t.setDaemon(true);
      return t;
    });
  }

  public void start() throws IOException {
    link.listen(this);
    link.open();
    worker.scheduleWithFixedDelay(this::pollQuietly, 0, pollIntervalMillis, TimeUnit.MILLISECONDS);
  }

  /** Writes the job unless the printer is known unable to print; completes with the state after. */
  public CompletableFuture<PrinterStatus> print(byte[] job) {
    return CompletableFuture.supplyAsync(() -> {
      PrinterStatus before = status == null || !status.canPrint() ? poll() : status;
      if (!before.canPrint()) {
        return before;
      }
      try {
        link.write(job);
      } catch (IOException e) {
        LOG.warn("printing on {} failed: {}", link.name(), e.getMessage());
        return report(PrinterStatus.PORT_LOST);
      }
      return poll();
    }, worker);
  }

  public CompletableFuture<PrinterStatus> pollNow() {
    return CompletableFuture.supplyAsync(this::poll, worker);
  }

  /** The last state reported, null before the first poll. */
  public PrinterStatus status() {
    return status;
  }

  @Override
  public void onBytes(byte[] data, int length) {
    for (int i = 0; i < length; i++) {
      replies.add(data[i] & 0xFF);
    }
  }

  @Override
  public void onDisconnected() {
    onWorker(() -> report(PrinterStatus.PORT_LOST));
  }

  @Override
  public void onConnected() {
    onWorker(this::poll);
  }

  @Override
  public void close() {
    worker.shutdownNow();
    link.close();
  }

  /** Port events can still arrive from the reader thread while the driver shuts down. */
  private void onWorker(Runnable r) {
    try {
      worker.execute(r);
    } catch (RejectedExecutionException e) {
      LOG.debug("printer {} closed; ignoring port event", link.name());
    }
  }

  private void pollQuietly() {
    try {
      poll();
    } catch (RuntimeException e) {
      LOG.warn("status poll on {} failed", link.name(), e);
    }
  }

  private PrinterStatus poll() {
    if (!link.isOpen()) {
      return report(PrinterStatus.PORT_LOST);
    }
    PrinterStatus combined = PrinterStatus.OK;
    for (int n = 1; n <= 4; n++) {
      replies.clear();
      try {
        link.write(StatusDecoder.request(n));
        Integer b = replies.poll(REPLY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        if (b == null) {
          return report(PrinterStatus.NO_REPLY);
        }
        combined = combined.worse(StatusDecoder.decode(n, b));
      } catch (IOException e) {
        return report(PrinterStatus.PORT_LOST);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return status == null ? PrinterStatus.NO_REPLY : status;
      }
    }
    return report(combined);
  }

  private PrinterStatus report(PrinterStatus s) {
    if (s != status) {
      status = s;
      LOG.info("printer {} is {}", link.name(), s);
      listener.accept(s);
    }
    return s;
  }
}
