package cn.suixin.agent;

import cn.suixin.agent.device.PrinterDriver;
import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.escpos.TicketLayout;
import cn.suixin.agent.offline.OfflineTicket;
import cn.suixin.agent.outbox.OutgoingMessages;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tickets onto paper: a print job becomes ESC/POS for the kiosk's printer and is answered with
 * printed, or with the printer's state when it cannot print. Offline tickets go the same way.
 */
final class Printing {

  private static final Logger LOG = LoggerFactory.getLogger(Printing.class);

  private final PrinterDriver printer;
  private final TicketEncoder encoder;
  private final DeviceStatus status;
  private final OutgoingMessages outgoing;
  private final Clock clock;
  private final URI server;
  private String hallName = "";

  /** {@code printer} is null on a PC without one. */
  Printing(
      PrinterDriver printer,
      TicketEncoder encoder,
      DeviceStatus status,
      OutgoingMessages outgoing,
      Clock clock,
      URI server) {
    this.printer = printer;
    this.encoder = encoder;
    this.status = status;
    this.outgoing = outgoing;
    this.clock = clock;
    this.server = server;
  }

  /** The server's hello names the hall, which heads every ticket. */
  void hall(JsonObject hall) {
    hallName = hall.getString("name", hallName);
  }

  void ticket(String job, JsonObject ticket) {
    print(job, encoder.encode(TicketMessages.layout(hallName, ticket, Agent.HALL_ZONE, server)));
  }

  void selfTest(String job) {
    print(job, encoder.selfTest(now()));
  }

  void offline(OfflineTicket t) {
    print(
        null,
        encoder.encode(
            new TicketLayout(hallName, t.number(), t.matter(), 0, 0, "", now(), "", true, null)));
  }

  private void print(String job, byte[] bytes) {
    if (printer == null) {
      LOG.warn("no printer configured; job {} dropped", job);
      status.report(DeviceStatus.PRINTER, PrinterStatus.PORT_LOST.name(), "no printer configured");
      return;
    }
    printer
        .print(bytes)
        .onComplete(
            ar -> {
              if (ar.succeeded() && ar.result().canPrint()) {
                if (job != null) {
                  outgoing.sendTransient(new JsonObject().put("type", "printed").put("job", job));
                }
              } else {
                String s = ar.failed() ? "ERROR" : ar.result().name();
                status.report(
                    DeviceStatus.PRINTER,
                    s,
                    job == null ? "offline ticket not printed" : "job " + job);
              }
            });
  }

  private String now() {
    return TicketMessages.localTime(clock.instant().toString(), Agent.HALL_ZONE);
  }
}
