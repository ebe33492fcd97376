package cn.suixin.agent.device;

import static org.assertj.core.api.Assertions.assertThat;

import cn.suixin.agent.escpos.PrinterProfile;
import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.escpos.RenderedTicket;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.escpos.TicketLayout;
import cn.suixin.agent.serial.InMemorySerialPair;
import cn.suixin.agent.sim.PrinterSimulator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrinterDriverTest {

  private final List<PrinterStatus> events = new CopyOnWriteArrayList<>();
  private PrinterSimulator sim;
  private PrinterDriver driver;

  @BeforeEach
  void wire() throws Exception {
    InMemorySerialPair pair = new InMemorySerialPair("printer");
    sim = new PrinterSimulator(pair.deviceEnd(), PrinterProfile.GENERIC.charset()).start();
    driver = new PrinterDriver(pair.agentEnd(), events::add, 60_000);
    driver.start();
  }

  @AfterEach
  void close() {
    driver.close();
  }

  @Test
  void a_ticket_is_printed_and_followed_by_a_status_poll() throws Exception {
    TicketLayout t = new TicketLayout("政务服务中心", "A007", "出入境", 2, 6, "3号窗口",
        "2026-11-27 10:00", "http://h/f/7", false, null);
    PrinterStatus after = driver.print(new TicketEncoder(PrinterProfile.GENERIC).encode(t))
        .get(5, TimeUnit.SECONDS);
    assertThat(after).isEqualTo(PrinterStatus.OK);
    List<RenderedTicket> tickets = sim.tickets();
    assertThat(tickets).hasSize(1);
    assertThat(tickets.get(0).lines()).contains("A007", "出入境", "前面还有 2 人");
    assertThat(sim.statusRequests()).isGreaterThanOrEqualTo(8);
  }

  @Test
  void paper_out_is_reported_once_and_blocks_printing() throws Exception {
    assertThat(driver.pollNow().get(5, TimeUnit.SECONDS)).isEqualTo(PrinterStatus.OK);
    sim.setStatusBytes(PrinterSimulator.PAPER_OUT);
    assertThat(driver.pollNow().get(5, TimeUnit.SECONDS)).isEqualTo(PrinterStatus.PAPER_OUT);
    assertThat(driver.pollNow().get(5, TimeUnit.SECONDS)).isEqualTo(PrinterStatus.PAPER_OUT);
    byte[] job = new TicketEncoder(PrinterProfile.GENERIC).selfTest("t");
    assertThat(driver.print(job).get(5, TimeUnit.SECONDS)).isEqualTo(PrinterStatus.PAPER_OUT);
    assertThat(sim.tickets()).isEmpty();
    assertThat(events).containsExactly(PrinterStatus.OK, PrinterStatus.PAPER_OUT);
  }

  @Test
  void a_silent_printer_is_no_reply_and_recovers() throws Exception {
    driver.pollNow().get(5, TimeUnit.SECONDS);
    sim.setSilent(true);
    assertThat(driver.pollNow().get(5, TimeUnit.SECONDS)).isEqualTo(PrinterStatus.NO_REPLY);
    sim.setSilent(false);
    assertThat(driver.pollNow().get(5, TimeUnit.SECONDS)).isEqualTo(PrinterStatus.OK);
    assertThat(events).containsExactly(PrinterStatus.OK, PrinterStatus.NO_REPLY, PrinterStatus.OK);
  }
}
