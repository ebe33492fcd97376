package cn.suixin.agent;

import static cn.suixin.agent.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.device.PadListener;
import cn.suixin.agent.device.PrinterDriver;
import cn.suixin.agent.device.RatingPadDriver;
import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadFrame;
import cn.suixin.agent.pad.PadFrameEncoder;
import cn.suixin.agent.pad.PadFrameType;
import cn.suixin.agent.pad.PadPayloads;
import cn.suixin.agent.pad.PadRating;
import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.serial.HopToContext;
import cn.suixin.agent.serial.ReconnectingSerialLink;
import cn.suixin.agent.serial.SerialLink;
import cn.suixin.agent.serial.SerialListener;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Serial lines call from threads of their own; whatever they say must be handled on the context of
 * the verticle that owns the driver, never on the line's thread.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OneContextTest {

  private static final String FOREIGN = "foreign-reader";

  @TempDir Path data;

  private final Vertx vertx = Vertx.vertx();
  private final List<Context> handledOn = new CopyOnWriteArrayList<>();
  private final List<String> handledBy = new CopyOnWriteArrayList<>();
  private Context verticle;

  @BeforeEach
  void deploy() throws Exception {
    verticle = OnContext.of(vertx, ThreadingModel.WORKER);
  }

  @AfterEach
  void close() throws Exception {
    OnContext.result(vertx.close());
  }

  private void handled() {
    handledOn.add(Vertx.currentContext());
    handledBy.add(Thread.currentThread().getName());
  }

  @Test
  void a_printer_status_reply_from_the_reader_thread_is_handled_on_the_verticles_context()
      throws Exception {
    ForeignLine line = new ForeignLine();
    List<PrinterStatus> reported = new CopyOnWriteArrayList<>();
    PrinterDriver driver =
        new PrinterDriver(
            verticle,
            line,
            s -> {
              reported.add(s);
              handled();
            },
            60_000);
    OnContext.run(verticle, driver::start);

    // the printer answers each DLE EOT from the line's own thread, once the driver waits for it
    for (int n = 1; n <= 4; n++) {
      int asked = n;
      waitFor(() -> line.written.size() >= asked);
      OnContext.run(verticle, () -> {});
      line.fromItsOwnThread(l -> l.onBytes(new byte[] {0x12}, 1));
    }

    waitFor(() -> !handledOn.isEmpty());
    assertThat(reported).containsExactly(PrinterStatus.OK);
    assertThat(handledOn).containsOnly(verticle);
    assertThat(handledBy).doesNotContain(FOREIGN);
  }

  @Test
  void a_pad_press_from_the_reader_thread_is_stored_and_handled_on_the_verticles_context()
      throws Exception {
    ForeignLine line = new ForeignLine();
    Outbox outbox = new Outbox(data.resolve("outbox"));
    RatingPadDriver driver =
        new RatingPadDriver(
            verticle,
            line,
            3,
            outbox,
            new PadListener() {
              @Override
              public void onRating(PadRating rating, OutboxMessage message) {
                handled();
              }
            },
            () -> System.nanoTime() / 1_000_000);
    OnContext.run(verticle, driver::start);

    byte[] press =
        PadFrameEncoder.encode(
            PadFrame.of(
                0x42, 3, PadFrameType.RATING, PadPayloads.rating(new PadRating(0x12345, 5, 0))));
    line.fromItsOwnThread(l -> l.onBytes(press, press.length));

    waitFor(() -> !handledOn.isEmpty());
    assertThat(handledOn).containsExactly(verticle);
    assertThat(handledBy).doesNotContain(FOREIGN);
    assertThat(OnContext.call(verticle, outbox::size)).isEqualTo(1);
  }

  @Test
  void a_lost_port_reported_from_a_foreign_thread_is_handled_and_retried_on_the_verticles_context()
      throws Exception {
    ForeignLine line = new ForeignLine();
    ReconnectingSerialLink link = new ReconnectingSerialLink(verticle, line, new Backoff(10, 50));
    OnContext.run(
        verticle,
        () -> {
          link.listen(
              new SerialListener() {
                @Override
                public void onBytes(byte[] data, int length) {}

                @Override
                public void onDisconnected() {
                  handled();
                }
              });
          link.open();
        });

    line.fromItsOwnThread(SerialListener::onDisconnected);

    waitFor(() -> !handledOn.isEmpty() && line.opens.size() >= 2);
    assertThat(handledOn).containsExactly(verticle);
    assertThat(handledBy).doesNotContain(FOREIGN);
    assertThat(line.opens)
        .as("every reopen runs as a timer of the verticle")
        .containsOnly(verticle);
  }

  @Test
  void the_bytes_are_copied_before_the_hop_because_a_reader_reuses_its_buffer() throws Exception {
    List<byte[]> seen = new CopyOnWriteArrayList<>();
    SerialListener hop =
        HopToContext.of(
            verticle,
            new SerialListener() {
              @Override
              public void onBytes(byte[] data, int length) {
                seen.add(Arrays.copyOf(data, length));
              }

              @Override
              public void onDisconnected() {}
            });
    byte[] buffer = {1, 2, 3};
    hop.onBytes(buffer, 2);
    buffer[0] = 9;
    hop.onBytes(buffer, 3);

    waitFor(() -> seen.size() == 2);
    assertThat(seen).containsExactly(new byte[] {1, 2}, new byte[] {9, 2, 3});
  }

  /** A serial line whose far end speaks from a thread of its own, as jSerialComm's reader does. */
  private static final class ForeignLine implements SerialLink {

    final List<Context> opens = new CopyOnWriteArrayList<>();
    final List<byte[]> written = new CopyOnWriteArrayList<>();
    private volatile SerialListener listener;
    private volatile boolean open;

    void fromItsOwnThread(Consumer<SerialListener> callback) throws InterruptedException {
      SerialListener l = listener;
      Thread t = new Thread(() -> callback.accept(l), FOREIGN);
      t.start();
      t.join();
    }

    @Override
    public String name() {
      return "foreign";
    }

    @Override
    public void listen(SerialListener listener) {
      this.listener = listener;
    }

    @Override
    public void open() {
      opens.add(Vertx.currentContext());
      open = true;
    }

    @Override
    public boolean isOpen() {
      return open;
    }

    @Override
    public void write(byte[] data) {
      written.add(data.clone());
    }

    @Override
    public void close() {
      open = false;
    }
  }
}
