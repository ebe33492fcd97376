package cn.suixin.agent.serial;

import static cn.suixin.agent.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.OnContext;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JSerialCommLinkTest {

  private final Vertx vertx = Vertx.vertx();
  private Context agent;

  @BeforeEach
  void needsSocat() throws Exception {
    SocatPair.assumeInstalled();
    agent = OnContext.of(vertx, ThreadingModel.WORKER);
  }

  @AfterEach
  void stop() throws Exception {
    OnContext.result(vertx.close());
  }

  @Test
  void bytes_cross_a_virtual_cable_both_ways() throws Exception {
    try (SocatPair pair = SocatPair.inTarget("link").start();
        JSerialCommLink a = new JSerialCommLink(SerialSettings.pad(pair.a()));
        JSerialCommLink b = new JSerialCommLink(SerialSettings.pad(pair.b()))) {
      assertThat(pair.ptys()).hasSize(2).allMatch(p -> p.startsWith("/dev/pts/"));
      Collector atB = new Collector();
      Collector atA = new Collector();
      b.listen(atB);
      a.listen(atA);
      a.open();
      b.open();
      a.write(new byte[] {(byte) 0xAA, 0x04, 0x01});
      b.write(new byte[] {0x12});
      atB.await(3);
      atA.await(1);
      assertThat(atB.bytes()).containsExactly((byte) 0xAA, 0x04, 0x01);
      assertThat(atA.bytes()).containsExactly(0x12);
    }
  }

  @Test
  void a_pulled_cable_is_reported_and_the_link_comes_back_when_it_returns() throws Exception {
    SocatPair pair = SocatPair.inTarget("reopen").start();
    ReconnectingSerialLink a =
        new ReconnectingSerialLink(
            agent, new JSerialCommLink(SerialSettings.pad(pair.a())), new Backoff(50, 400));
    try {
      Collector atA = new Collector();
      OnContext.run(
          agent,
          () -> {
            a.listen(atA);
            a.open();
          });
      waitFor(() -> atA.connected.get() >= 1);
      assertThat(atA.connected.get()).isEqualTo(1);

      pair.stop();
      assertThat(atA.disconnected.await(10, TimeUnit.SECONDS)).isTrue();

      pair.start();
      atA.awaitConnections(2);
      try (JSerialCommLink b = new JSerialCommLink(SerialSettings.pad(pair.b()))) {
        b.open();
        b.write(new byte[] {0x7F});
        atA.await(1);
        assertThat(atA.bytes()).containsExactly(0x7F);
      }
    } finally {
      OnContext.run(agent, a::close);
      pair.stop();
    }
  }

  @Test
  void a_link_nobody_listens_to_comes_back_too_as_a_window_screen_must() throws Exception {
    SocatPair pair = SocatPair.inTarget("unheard").start();
    ReconnectingSerialLink screen =
        new ReconnectingSerialLink(
            agent, new JSerialCommLink(SerialSettings.pad(pair.a())), new Backoff(50, 400));
    try {
      OnContext.run(agent, screen::open);
      assertThat(screen.isOpen()).isTrue();

      pair.stop();
      waitFor(() -> !screen.isOpen());

      pair.start();
      waitFor(screen::isOpen);
    } finally {
      OnContext.run(agent, screen::close);
      pair.stop();
    }
  }

  static final class Collector implements SerialListener {
    private final ByteArrayOutputStream got = new ByteArrayOutputStream();
    final AtomicInteger connected = new AtomicInteger();
    final CountDownLatch disconnected = new CountDownLatch(1);

    @Override
    public synchronized void onBytes(byte[] data, int length) {
      got.write(data, 0, length);
    }

    @Override
    public void onDisconnected() {
      disconnected.countDown();
    }

    @Override
    public void onConnected() {
      connected.incrementAndGet();
    }

    synchronized byte[] bytes() {
      return got.toByteArray();
    }

    void await(int n) {
      waitFor(() -> bytes().length >= n);
    }

    void awaitConnections(int n) {
      waitFor(() -> connected.get() >= n);
      assertThat(connected.get()).isGreaterThanOrEqualTo(n);
    }
  }
}
