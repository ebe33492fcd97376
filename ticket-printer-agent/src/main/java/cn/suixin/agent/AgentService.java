package cn.suixin.agent;

import cn.suixin.agent.device.PadListener;
import cn.suixin.agent.device.PrinterDriver;
import cn.suixin.agent.device.RatingPadDriver;
import cn.suixin.agent.device.WindowDisplay;
import cn.suixin.agent.escpos.PrinterStatus;
import cn.suixin.agent.escpos.TicketEncoder;
import cn.suixin.agent.escpos.TicketLayout;
import cn.suixin.agent.link.AgentLink;
import cn.suixin.agent.link.LinkHandler;
import cn.suixin.agent.offline.OfflineDecision;
import cn.suixin.agent.offline.OfflineDesk;
import cn.suixin.agent.outbox.Outbox;
import cn.suixin.agent.outbox.OutboxMessage;
import cn.suixin.agent.pad.PadRating;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneId;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the server link to the devices: print jobs to the printer, pad commands to the pad and
 * LED screen, device events and ratings back to the server, offline tickets when the link is down.
 * Called on the agent's context only.
 */
public final class AgentService implements LinkHandler, PadListener {

  private static final Logger LOG = LoggerFactory.getLogger(AgentService.class);

  private PrinterDriver printer;
  private RatingPadDriver pad;
  private WindowDisplay display;
  private final TicketEncoder encoder;
  private final OfflineFallback offline;
  private final Outbox outbox;
  private final Clock clock;
  private final ZoneId zone;
  private AgentLink link;
  private String hallName = "";
  private final URI server;

  public AgentService(TicketEncoder encoder, OfflineDesk offline, Outbox outbox, Clock clock,
      ZoneId zone, URI server) {
    this.server = server;
    this.encoder = encoder;
    this.offline = new OfflineFallback(offline, outbox, this::send);
    this.outbox = outbox;
    this.clock = clock;
    this.zone = zone;
  }

  /** Devices are built after the service because they report to it; any may be null. */
  public void attachDevices(PrinterDriver printer, RatingPadDriver pad, WindowDisplay display) {
    this.printer = printer;
    this.pad = pad;
    this.display = display;
  }

  public void attach(AgentLink link) {
    this.link = link;
  }

  @Override
  public void onHello(JsonObject hello) {
    hallName = hello.getJsonObject("hall", new JsonObject()).getString("name", hallName);
    offline.handOver();
    offline.requestBlocksIfLow();
  }

  @Override
  public void onCommand(JsonObject m) {
    try {
      dispatch(m);
    } catch (RuntimeException e) {
      // one malformed message must not stop the agent from handling the next
      LOG.warn("cannot handle {}: {}", m.encode(), e.toString());
    }
  }

  private void dispatch(JsonObject m) {
    switch (m.getString("type", "")) {
      case "print.ticket" -> printTicket(m.getString("job"), m.getJsonObject("ticket"));
      case "print.self-test" -> print(m.getString("job"), encoder.selfTest(now()));
      case "pad.staff" -> {
        if (pad != null) {
          pad.showStaff(Long.parseLong(m.getString("staffNo", "0")), m.getString("name", ""));
        }
        display.showText(m.getString("name", ""));
      }
      case "pad.call" -> {
        if (pad != null) {
          pad.call(m.getString("number"), m.getInteger("window", 0));
        }
        display.showCall(m.getString("number"), m.getInteger("window", 0));
      }
      case "pad.rate" -> withPad(p -> p.requestRating(m.getLong("recordId"),
          m.getInteger("timeoutSeconds", 30)));
      case "pad.cancel" -> withPad(p -> p.cancelRating(m.getLong("recordId")));
      case "offline.block" -> offline.addBlock(m.getJsonObject("block"));
      default -> LOG.debug("ignoring server message {}", m.getString("type"));
    }
  }

  /** Called by the local endpoint when the kiosk cannot reach the server. */
  public OfflineDecision issueOffline(String matter) {
    OfflineDecision d = offline.issue(matter);
    if (d instanceof OfflineDecision.Issued issued) {
      TicketLayout t = new TicketLayout(hallName, issued.ticket().number(), matter, 0, 0, "",
          now(), "", true, null);
      print(null, encoder.encode(t));
      if (link != null && link.isUp()) {
        offline.handOver();
      }
      offline.requestBlocksIfLow();
    }
    return d;
  }

  public void printerStatusChanged(PrinterStatus status) {
    deviceStatus("printer", status.name(), "");
  }

  @Override
  public void onRating(PadRating rating, OutboxMessage message) {
    send(message);
  }

  @Override
  public void onRatingTimeout(long recordId, OutboxMessage message) {
    send(message);
  }

  @Override
  public void onPadStatus(String status, String detail) {
    deviceStatus("pad", status, detail);
  }

  private void printTicket(String job, JsonObject ticket) {
    if (ticket == null) {
      return;
    }
    offline.seen(ticket.getString("matter"));
    print(job, encoder.encode(TicketMessages.layout(hallName, ticket, zone, server)));
  }

  private void print(String job, byte[] bytes) {
    if (printer == null) {
      LOG.warn("no printer configured; job {} dropped", job);
      deviceStatus("printer", PrinterStatus.PORT_LOST.name(), "no printer configured");
      return;
    }
    printer.print(bytes).onComplete(ar -> {
      if (ar.succeeded() && ar.result().canPrint()) {
        if (job != null && link != null) {
          link.sendTransient(new JsonObject().put("type", "printed").put("job", job));
        }
      } else {
        String s = ar.failed() ? "ERROR" : ar.result().name();
        deviceStatus("printer", s, job == null ? "offline ticket not printed" : "job " + job);
      }
    });
  }

  private void deviceStatus(String device, String status, String detail) {
    String id = UUID.randomUUID().toString();
    send(new OutboxMessage(id, new JsonObject().put("type", "device.status").put("id", id)
        .put("device", device).put("status", status).put("detail", detail).encode()));
  }

  private void send(OutboxMessage m) {
    if (link != null) {
      link.sendDurable(m);
    } else {
      outbox.put(m);
    }
  }

  private void withPad(java.util.function.Consumer<RatingPadDriver> action) {
    if (pad == null) {
      LOG.warn("no rating pad configured");
      deviceStatus("pad", "PORT_LOST", "no pad configured");
    } else {
      action.accept(pad);
    }
  }

  private String now() {
    return TicketMessages.localTime(clock.instant().toString(), zone);
  }
}
