package cn.suixin.agent.e2e;

import static cn.suixin.agent.Eventually.stillTrue;
import static cn.suixin.agent.Eventually.waitFor;
import static cn.suixin.agent.OnContext.result;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.OnContext;
import cn.suixin.agent.device.PadListener;
import cn.suixin.agent.device.PrinterDriver;
import cn.suixin.agent.device.RatingPadDriver;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.escpos.RenderedTicket;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.escpos.TicketLayout;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadFrame;
import cn.suixin.agent.pad.PadRating;
import cn.suixin.agent.serial.Backoff;
import cn.suixin.agent.serial.JSerialCommLink;
import cn.suixin.agent.serial.ReconnectingSerialLink;
import cn.suixin.agent.serial.SerialSettings;
import cn.suixin.agent.serial.SocatPair;
import cn.suixin.agent.sim.PadSimulator;
import cn.suixin.agent.sim.PrinterSimulator;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Agent drivers against device simulators over socat virtual serial pairs")
class SerialEndToEndTest {

  private static final PrinterProfile PROFILE = PrinterProfile.ZIJIANG_58;

  @TempDir Path data;

  private final Vertx vertx = Vertx.vertx();
  private final List<PrinterStatus> printerEvents = new CopyOnWriteArrayList<>();

  /** The agent's drivers run on one worker context, as in the agent; each device on its own. */
  private Context agent;

  @BeforeEach
  void needsSocat() throws Exception {
    SocatPair.assumeInstalled();
    agent = OnContext.of(vertx, ThreadingModel.WORKER);
  }

  @AfterEach
  void stop() throws Exception {
    result(vertx.close());
  }

  private Context device() throws Exception {
    return OnContext.of(vertx, ThreadingModel.EVENT_LOOP);
  }

  @Test
  void a_ticket_arrives_as_escpos_that_decodes_to_its_fields_and_paper_out_is_reported()
      throws Exception {
    try (SocatPair cable = SocatPair.inTarget("printer").start();
        PrinterSimulator printer =
            new PrinterSimulator(
                device(),
                new JSerialCommLink(SerialSettings.printer(cable.b(), 115200)),
                PROFILE.charset())) {
      PrinterDriver driver =
          new PrinterDriver(
              agent,
              new JSerialCommLink(SerialSettings.printer(cable.a(), 115200)),
              printerEvents::add,
              60_000);
      result(printer.start());
      OnContext.run(agent, driver::start);
      TicketLayout ticket =
          new TicketLayout(
              "政务服务中心",
              "A001",
              "户籍业务",
              4,
              20,
              "1号、2号窗口",
              "2026-11-27 09:30",
              "https://hall.example/f/A001",
              false,
              null);

      assertThat(
              OnContext.await(agent, () -> driver.print(new TicketEncoder(PROFILE).encode(ticket))))
          .isEqualTo(PrinterStatus.OK);

      List<RenderedTicket> printed = result(printer.tickets());
      assertThat(printed).hasSize(1);
      assertThat(printed.get(0).lines())
          .containsSubsequence(
              "政务服务中心",
              "A001",
              "户籍业务",
              "前面还有 4 人",
              "预计等待 20 分钟",
              "办理窗口 1号、2号窗口",
              "2026-11-27 09:30");
      assertThat(printed.get(0).qrCodes()).containsExactly("https://hall.example/f/A001");
      assertThat(printed.get(0).cuts()).isEqualTo(1);

      result(printer.setStatusBytes(PrinterSimulator.PAPER_OUT));
      assertThat(OnContext.await(agent, driver::pollNow)).isEqualTo(PrinterStatus.PAPER_OUT);
      waitFor(() -> printerEvents.contains(PrinterStatus.PAPER_OUT));
      assertThat(printerEvents).containsExactly(PrinterStatus.OK, PrinterStatus.PAPER_OUT);
      OnContext.run(agent, driver::close);
    }
  }

  @Test
  void a_pad_press_becomes_one_rating_even_when_the_pad_resends_it() throws Exception {
    List<PadRating> ratings = new CopyOnWriteArrayList<>();
    Outbox outbox = new Outbox(data.resolve("outbox"));
    try (SocatPair cable = SocatPair.inTarget("pad").start();
        PadSimulator pad =
            new PadSimulator(device(), new JSerialCommLink(SerialSettings.pad(cable.b())), 3)) {
      RatingPadDriver driver =
          new RatingPadDriver(
              agent,
              new JSerialCommLink(SerialSettings.pad(cable.a())),
              3,
              outbox,
              new PadListener() {
                @Override
                public void onRating(PadRating rating, OutboxMessage message) {
                  ratings.add(rating);
                }
              },
              () -> System.nanoTime() / 1_000_000);
      result(pad.start());
      OnContext.run(
          agent,
          () -> {
            driver.start();
            driver.requestRating(0x12345, 30);
          });
      waitFor(() -> result(pad.requestedRecord()) == 0x12345);

      PadFrame press = result(pad.press(4, 0));
      waitFor(() -> result(pad.unackedCount()) == 0);
      result(pad.sendRaw(press));
      result(pad.resendUnacked());
      stillTrue(() -> ratings.size() == 1);

      assertThat(ratings).containsExactly(new PadRating(0x12345, 4, 0));
      assertThat(OnContext.call(agent, outbox::size)).isEqualTo(1);
      OnContext.run(agent, driver::close);
    }
  }

  @Test
  void the_printer_driver_recovers_when_the_cable_is_pulled_and_plugged_back() throws Exception {
    SocatPair cable = SocatPair.inTarget("replug").start();
    ReconnectingSerialLink agentEnd =
        new ReconnectingSerialLink(
            agent,
            new JSerialCommLink(SerialSettings.printer(cable.a(), 9600)),
            new Backoff(50, 500));
    PrinterDriver driver = new PrinterDriver(agent, agentEnd, printerEvents::add, 200);
    try {
      PrinterSimulator printer =
          result(
              new PrinterSimulator(
                      device(),
                      new JSerialCommLink(SerialSettings.printer(cable.b(), 9600)),
                      PROFILE.charset())
                  .start());
      OnContext.run(agent, driver::start);
      waitFor(() -> printerEvents.contains(PrinterStatus.OK));

      cable.stop();
      printer.close();
      waitFor(
          () ->
              printerEvents.contains(PrinterStatus.PORT_LOST)
                  || printerEvents.contains(PrinterStatus.NO_REPLY));

      cable.start();
      PrinterSimulator again =
          result(
              new PrinterSimulator(
                      device(),
                      new JSerialCommLink(SerialSettings.printer(cable.b(), 9600)),
                      PROFILE.charset())
                  .start());
      waitFor(
          () ->
              printerEvents.get(printerEvents.size() - 1) == PrinterStatus.OK
                  && printerEvents.size() >= 3);

      byte[] job = new TicketEncoder(PROFILE).selfTest("2026-11-27 08:00");
      assertThat(OnContext.await(agent, () -> driver.print(job))).isEqualTo(PrinterStatus.OK);
      assertThat(result(again.tickets())).hasSize(1);
      assertThat(result(again.tickets()).get(0).lines()).contains("打印机自检 SELF-TEST");
      again.close();
    } finally {
      OnContext.run(agent, driver::close);
      cable.stop();
    }
  }

  @Test
  void a_rating_pressed_while_the_cable_is_out_arrives_once_after_it_is_back() throws Exception {
    List<PadRating> ratings = new CopyOnWriteArrayList<>();
    List<String> padStatus = new CopyOnWriteArrayList<>();
    Outbox outbox = new Outbox(data.resolve("outbox"));
    SocatPair cable = SocatPair.inTarget("padreplug").start();
    Context device = device();
    RatingPadDriver driver =
        new RatingPadDriver(
            agent,
            reconnecting(agent, cable.a()),
            3,
            outbox,
            new PadListener() {
              @Override
              public void onRating(PadRating rating, OutboxMessage message) {
                ratings.add(rating);
              }

              @Override
              public void onPadStatus(String status, String detail) {
                padStatus.add(status);
              }
            },
            () -> System.nanoTime() / 1_000_000);
    try (PadSimulator pad = new PadSimulator(device, reconnecting(device, cable.b()), 3)) {
      result(pad.start());
      OnContext.run(
          agent,
          () -> {
            driver.start();
            driver.requestRating(9, 30);
          });
      waitFor(() -> result(pad.requestedRecord()) == 9);

      cable.stop();
      waitFor(() -> padStatus.contains("PORT_LOST"));
      result(pad.press(5, 0));
      assertThat(result(pad.unackedCount())).isEqualTo(1);

      cable.start();
      waitFor(() -> result(pad.unackedCount()) == 0);
      stillTrue(() -> ratings.size() == 1);
      assertThat(ratings).containsExactly(new PadRating(9, 5, 0));
      assertThat(OnContext.call(agent, outbox::size)).isEqualTo(1);
    } finally {
      OnContext.run(agent, driver::close);
      cable.stop();
    }
  }

  /** A link's retries are timers of the context its user lives on. */
  private static ReconnectingSerialLink reconnecting(Context owner, String path) {
    return new ReconnectingSerialLink(
        owner, new JSerialCommLink(SerialSettings.pad(path)), new Backoff(50, 400));
  }
}
