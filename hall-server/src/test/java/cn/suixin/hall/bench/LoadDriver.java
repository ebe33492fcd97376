package cn.suixin.hall.bench;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Closed-loop load: a fixed number of callers, each sending its next POST as soon as the previous
 * reply is read, over the keep-alive connections of one pooled client.
 */
final class LoadDriver {
  /** What to POST: the port and path, and the headers and body of request number n. */
  record Target(
      String name,
      int port,
      String uri,
      LongFunction<MultiMap> headers,
      LongFunction<Buffer> body) {}

  /** One timed round: replies with the expected status per second, and the other replies. */
  record Round(String target, double perSecond, long ok, long other, long failed) {}

  private final HttpClientAgent client;
  private final int callers;
  private final AtomicLong sent = new AtomicLong();

  LoadDriver(HttpClientAgent client, int callers) {
    this.client = client;
    this.callers = callers;
  }

  Round run(Target target, int expectedStatus, long millis) throws InterruptedException {
    AtomicLong ok = new AtomicLong();
    AtomicLong other = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    CountDownLatch drained = new CountDownLatch(callers);
    AtomicBoolean running = new AtomicBoolean(true);
    for (int i = 0; i < callers; i++) {
      loop(target, expectedStatus, running, ok, other, failed, drained);
    }
    // the counters are read at the round's edges, so replies still in flight at the end are not
    // counted
    Thread.sleep(200);
    long okStart = ok.get();
    long start = System.nanoTime();
    Thread.sleep(millis);
    long okEnd = ok.get();
    long elapsed = System.nanoTime() - start;
    running.set(false);
    if (!drained.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException(target.name() + ": callers did not finish");
    }
    return new Round(
        target.name(),
        (okEnd - okStart) * 1e9 / elapsed,
        okEnd - okStart,
        other.get(),
        failed.get());
  }

  private void loop(
      Target t,
      int expected,
      AtomicBoolean running,
      AtomicLong ok,
      AtomicLong other,
      AtomicLong failed,
      CountDownLatch drained) {
    if (!running.get()) {
      drained.countDown();
      return;
    }
    long n = sent.incrementAndGet();
    RequestOptions options =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setHost("127.0.0.1")
            .setPort(t.port())
            .setURI(t.uri())
            .setHeaders(t.headers().apply(n))
            // a reply stuck on a starved machine must not hold the round open: it counts as failed
            .setConnectTimeout(10_000)
            .setIdleTimeout(10_000);
    client
        .request(options)
        .compose(req -> req.send(t.body().apply(n)))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(
            ar -> {
              if (ar.failed()) {
                failed.incrementAndGet();
              } else if (ar.result() == expected) {
                ok.incrementAndGet();
              } else {
                other.incrementAndGet();
              }
              loop(t, expected, running, ok, other, failed, drained);
            });
  }
}
