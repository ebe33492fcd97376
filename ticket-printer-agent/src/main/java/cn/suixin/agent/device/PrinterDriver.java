package cn.suixin.agent.device;

import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.escpos.StatusDecoder;
import cn.suixin.agent.serial.HopToContext;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prints jobs and watches an ESC/POS printer. Jobs and status polls take turns, so a DLE EOT never
 * lands inside a job (printers obey it even there). After each job and every poll interval it asks
 * DLE EOT 1..4; no byte within 500 ms means the printer is gone. Its state belongs to one Vert.x
 * context: call it there; the port's callbacks hop onto it, and waits are timers of it.
 */
public final class PrinterDriver implements SerialListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PrinterDriver.class);
  public static final long REPLY_TIMEOUT_MILLIS = 500;

  private final Context context;
  private final SerialLink link;
  private final Consumer<PrinterStatus> listener;
  private final long pollIntervalMillis;
  private Future<?> lastTurn = Future.succeededFuture();
  private Promise<Integer> awaitedReply;
  private long replyTimer = -1;
  private long pollTimer = -1;
  private PrinterStatus status;
  private boolean closed;

  public PrinterDriver(
      Context context, SerialLink link, Consumer<PrinterStatus> listener, long pollIntervalMillis) {
    this.context = context;
    this.link = link;
    this.listener = listener;
    this.pollIntervalMillis = pollIntervalMillis;
  }

  public void start() throws IOException {
    link.listen(HopToContext.of(context, this));
    link.open();
    pollAfter(1);
  }

  /** Writes the job unless the printer is known unable to print; completes with the state after. */
  public Future<PrinterStatus> print(byte[] job) {
    return inTurn(
        () -> {
          Future<PrinterStatus> before =
              status == null || !status.canPrint() ? poll() : Future.succeededFuture(status);
          return before.compose(s -> s.canPrint() ? write(job) : Future.succeededFuture(s));
        });
  }

  public Future<PrinterStatus> pollNow() {
    return inTurn(this::poll);
  }

  /** The last state reported, null before the first poll. */
  public PrinterStatus status() {
    return status;
  }

  @Override
  public void onBytes(byte[] data, int length) {
    Promise<Integer> p = awaitedReply;
    if (p != null && length > 0) {
      awaitedReply = null;
      context.owner().cancelTimer(replyTimer);
      p.complete(data[0] & 0xFF);
    }
  }

  @Override
  public void onDisconnected() {
    inTurn(() -> Future.succeededFuture(report(PrinterStatus.PORT_LOST)));
  }

  @Override
  public void onConnected() {
    inTurn(this::poll);
  }

  @Override
  public void close() {
    closed = true;
    context.owner().cancelTimer(pollTimer);
    if (awaitedReply != null) {
      context.owner().cancelTimer(replyTimer);
      awaitedReply.tryComplete(null);
    }
    link.close();
  }

  /** One job or poll at a time, in the order asked, whatever became of the one before. */
  private <T> Future<T> inTurn(Supplier<Future<T>> task) {
    Future<T> turn =
        lastTurn.transform(
            before ->
                closed ? Future.failedFuture("printer " + link.name() + " is closed") : task.get());
    lastTurn = turn;
    return turn;
  }

  private void pollAfter(long delayMillis) {
    pollTimer =
        context
            .owner()
            .setTimer(
                delayMillis,
                id ->
                    inTurn(this::poll)
                        .onFailure(e -> LOG.warn("status poll on {} failed", link.name(), e))
                        .onComplete(
                            ar -> {
                              if (!closed) {
                                pollAfter(pollIntervalMillis);
                              }
                            }));
  }

  private Future<PrinterStatus> write(byte[] job) {
    try {
      link.write(job);
    } catch (IOException e) {
      LOG.warn("printing on {} failed: {}", link.name(), e.getMessage());
      return Future.succeededFuture(report(PrinterStatus.PORT_LOST));
    }
    return poll();
  }

  private Future<PrinterStatus> poll() {
    if (!link.isOpen()) {
      return Future.succeededFuture(report(PrinterStatus.PORT_LOST));
    }
    return ask(1, PrinterStatus.OK).map(this::report);
  }

  /** DLE EOT n, then n + 1 ... 4, the worst answer winning; the first silence ends it. */
  private Future<PrinterStatus> ask(int n, PrinterStatus sofar) {
    if (n > 4) {
      return Future.succeededFuture(sofar);
    }
    Promise<Integer> reply = Promise.promise();
    awaitedReply = reply;
    try {
      link.write(StatusDecoder.request(n));
    } catch (IOException e) {
      awaitedReply = null;
      return Future.succeededFuture(PrinterStatus.PORT_LOST);
    }
    replyTimer =
        context
            .owner()
            .setTimer(
                REPLY_TIMEOUT_MILLIS,
                id -> {
                  if (awaitedReply == reply) {
                    awaitedReply = null;
                    reply.complete(null);
                  }
                });
    return reply
        .future()
        .compose(
            b ->
                b == null
                    ? Future.succeededFuture(PrinterStatus.NO_REPLY)
                    : ask(n + 1, sofar.worse(StatusDecoder.decode(n, b))));
  }

  /** A driver that is closing reports nothing: shutting down is not a printer fault. */
  private PrinterStatus report(PrinterStatus s) {
    if (s != status && !closed) {
      status = s;
      LOG.info("printer {} is {}", link.name(), s);
      listener.accept(s);
    }
    return s;
  }
}
