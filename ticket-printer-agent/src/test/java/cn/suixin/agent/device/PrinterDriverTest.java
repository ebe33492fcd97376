package cn.suixin.agent.device;

import static cn.suixin.agent.OnContext.result;
import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.OnContext;
import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.escpos.RenderedTicket;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.escpos.TicketLayout;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.sim.PrinterSimulator;
import io.vertx.core.Context;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrinterDriverTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<PrinterStatus> events = new CopyOnWriteArrayList<>();
  private Context agent;
  private PrinterSimulator sim;
  private PrinterDriver driver;

  @BeforeEach
  void wire() throws Exception {
    agent = OnContext.of(vertx, ThreadingModel.WORKER);
    InMemorySerialPair pair = new InMemorySerialPair("printer");
    sim =
        result(
            new PrinterSimulator(
                    OnContext.of(vertx, ThreadingModel.EVENT_LOOP),
                    pair.deviceEnd(),
                    PrinterProfile.GENERIC.charset())
                .start());
    driver = new PrinterDriver(agent, pair.agentEnd(), events::add, 60_000);
    OnContext.run(agent, driver::start);
  }

  @AfterEach
  void close() throws Exception {
    OnContext.run(agent, driver::close);
    result(vertx.close());
  }

  private PrinterStatus print(byte[] job) throws Exception {
    return OnContext.await(agent, () -> driver.print(job));
  }

  private PrinterStatus pollNow() throws Exception {
    return OnContext.await(agent, driver::pollNow);
  }

  @Test
  void a_ticket_is_printed_and_followed_by_a_status_poll() throws Exception {
    TicketLayout t =
        new TicketLayout(
            "政务服务中心", "A007", "出入境", 2, 6, "3号窗口", "2026-11-27 10:00", "http://h/f/7", false, null);
    PrinterStatus after = print(new TicketEncoder(PrinterProfile.GENERIC).encode(t));
    assertThat(after).isEqualTo(PrinterStatus.OK);
    List<RenderedTicket> tickets = result(sim.tickets());
    assertThat(tickets).hasSize(1);
    assertThat(tickets.get(0).lines()).contains("A007", "出入境", "前面还有 2 人");
    assertThat(result(sim.statusRequests())).isGreaterThanOrEqualTo(8);
  }

  @Test
  void paper_out_is_reported_once_and_blocks_printing() throws Exception {
    assertThat(pollNow()).isEqualTo(PrinterStatus.OK);
    result(sim.setStatusBytes(PrinterSimulator.PAPER_OUT));
    assertThat(pollNow()).isEqualTo(PrinterStatus.PAPER_OUT);
    assertThat(pollNow()).isEqualTo(PrinterStatus.PAPER_OUT);
    byte[] job = new TicketEncoder(PrinterProfile.GENERIC).selfTest("t");
    assertThat(print(job)).isEqualTo(PrinterStatus.PAPER_OUT);
    assertThat(result(sim.tickets())).isEmpty();
    assertThat(events).containsExactly(PrinterStatus.OK, PrinterStatus.PAPER_OUT);
  }

  @Test
  void a_silent_printer_is_no_reply_and_recovers() throws Exception {
    pollNow();
    result(sim.setSilent(true));
    assertThat(pollNow()).isEqualTo(PrinterStatus.NO_REPLY);
    result(sim.setSilent(false));
    assertThat(pollNow()).isEqualTo(PrinterStatus.OK);
    assertThat(events).containsExactly(PrinterStatus.OK, PrinterStatus.NO_REPLY, PrinterStatus.OK);
  }
}
