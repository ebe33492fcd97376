package cn.suixin.agent.serial;

import static cn.suixin.agent.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JSerialCommLinkTest {

  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void needsSocat() {
    SocatPair.assumeInstalled();
  }

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
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
    try (ReconnectingSerialLink a = new ReconnectingSerialLink(
        new JSerialCommLink(SerialSettings.pad(pair.a())), scheduler, new Backoff(50, 400))) {
      Collector atA = new Collector();
      a.listen(atA);
      a.open();
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
